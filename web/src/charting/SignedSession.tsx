// A signed session as recorded, read-only: it is locked for good, and corrections are amendments.

import { labelOf } from '../api/knowledge';
import type { ChartedSession, Device, Product } from '../api/chartingTypes';
import { staffName, type StaffNames } from '../api/staffNames';
import type { Vocabulary } from '../api/types';
import { formatDate, formatInstant, humanize } from '../format';
import type { ChecklistStep } from './checklistSteps';

interface SignedSessionProps {
  session: ChartedSession;
  devices: Device[];
  products: Product[];
  staff: StaffNames;
  steps: ChecklistStep[];
  vocabulary: Vocabulary | null;
}

export function SignedSession({ session, devices, products, staff, steps, vocabulary }: SignedSessionProps) {
  const device = devices.find((item) => item.id === session.device_id);
  const productName = (id: number) => {
    const product = products.find((item) => item.id === id);
    return product ? `${product.name}, lot ${product.lot_number}` : `Product ${id}`;
  };
  const stepOrder = (code: string) => {
    const at = steps.findIndex((step) => step.step === code);
    return at < 0 ? steps.length : at;
  };
  const stepLabel = (code: string) => steps.find((step) => step.step === code)?.label ?? humanize(code);
  return (
    <section class="card locked" aria-labelledby="signed-session-heading">
      <h2 id="signed-session-heading">Session signed and locked</h2>
      <p>
        Performed on {formatDate(session.performed_on)}; signed {formatInstant(session.signed_at)}{session.signed_by === null ? '' : ` by ${staffName(staff, session.signed_by)}`}.
        Device: {device ? `${device.model} (serial ${device.serial})` : `device ${session.device_id}`}; cartridge {session.cartridge.unit_code} of lot {session.cartridge.lot_number} ({session.cartridge.model}, {session.cartridge.needle_count} needles).
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Zones treated</caption>
          <thead>
            <tr><th scope="col">Zone</th><th scope="col">Depth</th><th scope="col">Passes</th><th scope="col">Endpoint</th><th scope="col">Speed</th><th scope="col">Beyond the cap</th></tr>
          </thead>
          <tbody>
            {session.zones.map((zone) => (
              <tr key={zone.zone}>
                <td>{labelOf(vocabulary?.zones, zone.zone)}</td>
                <td>{zone.depth} mm</td>
                <td>{zone.passes}</td>
                <td>{labelOf(vocabulary?.endpoints, zone.endpoint)}</td>
                <td>{zone.speed || '—'}</td>
                <td>{zone.override_reason ? `${zone.override_reason} (${zone.override_by === null ? 'prescriber not recorded' : staffName(staff, zone.override_by)})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Checklist</h3>
      <ul class="list-plain">
        {[...session.checklist].sort((a, b) => stepOrder(a.step) - stepOrder(b.step)).map((tick) => (
          <li key={tick.step}>{stepLabel(tick.step)}: {tick.state === 'done' ? 'done' : 'not used'}</li>
        ))}
      </ul>
      {session.anaesthetic && (
        <p>
          Anaesthetic: {session.anaesthetic.product ?? productName(session.anaesthetic.product_id)}
          {session.anaesthetic.lot && `, lot ${session.anaesthetic.lot}`}, {session.anaesthetic.strength}, on {session.anaesthetic.area},
          {' '}{session.anaesthetic.contact_minutes} minutes.
        </p>
      )}
      <h3>Products</h3>
      <ul class="list-plain">
        {session.products.map((product) => (
          <li key={`${product.product_id}-${product.step}`}>{productName(product.product_id)} at {stepLabel(product.step)}</li>
        ))}
      </ul>
      {session.notes && <p><strong>Notes:</strong> {session.notes}</p>}
    </section>
  );
}
