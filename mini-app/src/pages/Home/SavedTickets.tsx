/** Tickets kept on this phone: they open without a network, so the citizen can show the code at the counter. */
import { ListRow } from "../../components/ListRow.js";
import { useDeps } from "../../deps.js";
import { useGo } from "../../go.js";
import { paths } from "../../routes.js";
import { loadTickets } from "../../state/device-store.js";

export function SavedTickets() {
  const { zalo } = useDeps();
  const navigate = useGo();
  const tickets = loadTickets(zalo.storage);
  if (tickets.length === 0) return null;
  return (
    <section className="kh-stack" aria-labelledby="saved-tickets">
      <h2 className="kh-h2" id="saved-tickets">
        Phiếu khai trước trên máy này
      </h2>
      <ul className="kh-list">
        {tickets.map((t) => (
          <ListRow
            key={t.id}
            icon="qr"
            title={t.code}
            titleClassName="kh-code-inline"
            lines={[`${t.procedureName} · ${t.unitName}`]}
            onClick={() => navigate(paths.ticket(t.id))}
          />
        ))}
      </ul>
    </section>
  );
}
