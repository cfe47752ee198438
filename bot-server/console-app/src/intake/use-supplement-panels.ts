/** The two sheets written at the counter instead of receiving: Mẫu 02 (what is missing, listed once) and Mẫu 03 (refusal). */
import { useState } from "react";

export function useSupplementPanels() {
  const [panel, setPanel] = useState<"incomplete" | "refuse" | null>(null);
  const [extraMissing, setExtraMissing] = useState("");
  const [chosenMissing, setChosenMissing] = useState<string[]>([]);
  const [supplementReason, setSupplementReason] = useState("Hồ sơ chưa đầy đủ thành phần theo quy định");
  const [refuseReasons, setRefuseReasons] = useState("");

  /** Mẫu 02 opens with the required documents not ticked; a second press closes it. */
  const toggleIncomplete = (missingNames: string[]) => {
    setChosenMissing(missingNames);
    setPanel(panel === "incomplete" ? null : "incomplete");
  };
  /** Mẫu 03 opens with the ticked case flags that call for a refusal; a second press closes it. */
  const toggleRefuse = (reasons: string[]) => {
    setRefuseReasons(reasons.join("\n"));
    setPanel(panel === "refuse" ? null : "refuse");
  };
  const missingDocuments = () =>
    [
      ...chosenMissing,
      ...extraMissing
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
    ].map((name) => ({ name, original: 1 }));
  const refusalReasons = () =>
    refuseReasons
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);

  return {
    panel,
    close: () => setPanel(null),
    toggleIncomplete,
    toggleRefuse,
    extraMissing,
    setExtraMissing,
    chosenMissing,
    setChosenMissing,
    supplementReason,
    setSupplementReason,
    refuseReasons,
    setRefuseReasons,
    missingDocuments,
    refusalReasons,
  };
}

export type SupplementPanels = ReturnType<typeof useSupplementPanels>;
