// The device and the sealed cartridge used: the cartridge is picked from the shelf or scanned (a
// scanner types the unit code and then Enter, which must not submit the form).

import { useState } from 'preact/hooks';
import type { Device, SessionCartridge } from '../api/chartingTypes';
import { SelectField, TextField } from '../components/Fields';
import { formatDate } from '../format';
import { findCartridge, type ShelfCartridge } from './cartridges';

interface DeviceAndCartridgeProps {
  devices: Device[];
  shelf: ShelfCartridge[];
  deviceId: string;
  cartridgeId: string;
  /** The cartridge a saved draft already holds: no longer on the shelf, but still its choice. */
  charted: { id: number; cartridge: SessionCartridge } | null;
  fields: Record<string, string>;
  onDevice: (id: string) => void;
  onCartridge: (id: string) => void;
}

export function DeviceAndCartridge({ devices, shelf, deviceId, cartridgeId, charted, fields, onDevice, onCartridge }: DeviceAndCartridgeProps) {
  const [code, setCode] = useState('');
  const [scanMessage, setScanMessage] = useState('');
  const chosen = shelf.find((cartridge) => String(cartridge.id) === cartridgeId);
  const options = shelf.map((cartridge) => ({
    value: String(cartridge.id),
    label: `${cartridge.unit_code}: lot ${cartridge.lot_number}, ${cartridge.model}, expires ${formatDate(cartridge.expires_on)}`,
  }));
  if (charted && !shelf.some((cartridge) => cartridge.id === charted.id)) {
    const { unit_code, lot_number, model } = charted.cartridge;
    options.unshift({ value: String(charted.id), label: `${unit_code}: lot ${lot_number}, ${model} (charted on this session)` });
  } else if (cartridgeId && !chosen) {
    options.unshift({ value: cartridgeId, label: `Cartridge ${cartridgeId}` });
  }

  const applyCode = () => {
    const found = findCartridge(shelf, code);
    if (found) {
      onCartridge(String(found.id));
      setScanMessage(`Cartridge ${found.unit_code} of lot ${found.lot_number} chosen.`);
      setCode('');
    } else {
      setScanMessage(code.trim() ? `No sealed, unused cartridge has the code ${code.trim()}.` : '');
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    applyCode();
  };

  return (
    <section class="card" aria-labelledby="device-heading">
      <h2 id="device-heading">Device and cartridge</h2>
      <div class="grid-2">
        <SelectField label="Device" value={deviceId} onChange={onDevice} placeholder="Choose…" error={fields['device_id']}
          options={devices.map((device) => ({ value: String(device.id), label: `${device.model} (serial ${device.serial})` }))} />
        <div onKeyDown={onKeyDown}>
          <TextField label="Scan or type the cartridge code" value={code} onInput={setCode} name="cartridge-code"
            help="Scan the cartridge's barcode, or type its code and press Enter" />
        </div>
      </div>
      <SelectField label="Cartridge" value={cartridgeId} onChange={onCartridge} placeholder="Choose…" options={options} error={fields['cartridge_id']} />
      <p class="muted small" role="status">{scanMessage}</p>
    </section>
  );
}
