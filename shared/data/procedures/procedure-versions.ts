/** Every procedure version shipped with the product, oldest first within each procedure. */
import type { ProcedureVersion } from "../../procedures/procedure-version.js";
import {
  householdBusiness2021Form,
  householdBusiness2023,
  householdBusiness2025,
  householdBusiness2025Cccd,
  householdBusiness2026,
} from "./household-business-registration.js";
import {
  maritalStatus2023,
  maritalStatus2024,
  maritalStatus2025,
  maritalStatus2025Cccd,
  maritalStatus2027,
} from "./marital-status-certificate.js";
import { securityDeletion2023, securityDeletion2025 } from "./security-deletion.js";
import { securityRegistration2023, securityRegistration2025 } from "./security-registration.js";

export const procedureVersions: readonly ProcedureVersion[] = [
  securityRegistration2023,
  securityRegistration2025,
  securityDeletion2023,
  securityDeletion2025,
  householdBusiness2021Form,
  householdBusiness2023,
  householdBusiness2025Cccd,
  householdBusiness2025,
  householdBusiness2026,
  maritalStatus2023,
  maritalStatus2024,
  maritalStatus2025Cccd,
  maritalStatus2025,
  maritalStatus2027,
];
