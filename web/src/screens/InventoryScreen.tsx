// Devices, cartridge lots and products, with what expires within the server's window flagged first.

import '../recordScreens.css';
import { api } from '../api/client';
import { loadVocabulary } from '../api/knowledge';
import type { CartridgeLot, Device, ExpiringLot, Product } from '../api/chartingTypes';
import type { Page } from '../api/types';
import { expiryStatus } from '../admin/adminForms';
import { ExpiryChip } from '../admin/ExpiryChip';
import { CartridgeLotForm, DeviceForm, ProductForm } from '../admin/InventoryForms';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLoad, useSubmit } from '../components/useAsync';
import { humanize, localToday } from '../format';
import { useCan } from '../session';

/** The window GET /lots/expiring uses by default; the same window flags rows below. */
const kExpiryWindowDays = 30;

async function load() {
  const [expiring, devices, lots, products, vocabulary] = await Promise.all([
    api.get<Page<ExpiringLot>>(`/lots/expiring?within_days=${kExpiryWindowDays}&limit=200`).then((page) => page.items),
    api.get<Page<Device>>('/devices?limit=200').then((page) => page.items),
    api.get<Page<CartridgeLot>>('/cartridge-lots?limit=200').then((page) => page.items),
    api.get<Page<Product>>('/products?limit=200').then((page) => page.items),
    loadVocabulary().catch(() => null),
  ]);
  return { expiring, devices, lots, products, vocabulary };
}

export function InventoryScreen() {
  const can = useCan();
  const loaded = useLoad(load, []);
  const deactivate = useSubmit();
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { expiring, devices, lots, products, vocabulary } = loaded.data;
  const today = localToday();
  const status = (date: string) => expiryStatus(date, today, kExpiryWindowDays);
  const onDeactivate = (device: Device) =>
    deactivate.run(async () => {
      const current = await api.getVersioned<Device>(`/devices/${device.id}`);
      await api.post(`/devices/${device.id}/deactivate`, {}, current.etag);
      loaded.reload();
    });
  return (
    <>
      <h1>Devices, lots and products</h1>
      <section class="card" aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">Expired or expiring within {kExpiryWindowDays} days</h2>
        {expiring.length === 0 ? <p class="muted">Nothing expires soon.</p> : (
          <ul class="list-plain">
            {expiring.map((lot) => (
              <li key={`${lot.kind}-${lot.id}`}>
                {lot.kind === 'cartridge' ? 'Cartridge lot' : 'Product'} <strong>{lot.name}</strong>, lot {lot.lot_number}:{' '}
                <ExpiryChip date={lot.expires_on} status={status(lot.expires_on)} />
                {lot.kind === 'cartridge' && <span class="muted"> ({lot.unused_units} sealed units left)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="devices-heading">
        <h2 id="devices-heading">Devices</h2>
        <ErrorMessage report={deactivate.error} onReload={loaded.reload} />
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Model</th><th scope="col">Kind</th><th scope="col">Serial</th><th scope="col">Maximum depth</th><th scope="col">Clearance</th><th scope="col">In service</th></tr></thead>
            <tbody>
              {devices.map((device) => (
                <tr key={device.id}>
                  <td>{device.model}</td><td>{humanize(device.kind)}</td><td>{device.serial}</td><td>{device.max_depth_mm} mm</td>
                  <td>{device.cleared ? device.clearance || 'cleared' : 'not cleared'}</td>
                  <td>
                    {device.active ? 'Yes' : 'No'}
                    {device.active && can('manage_inventory') && (
                      <button type="button" class="button secondary small" disabled={deactivate.busy} onClick={() => void onDeactivate(device)}>
                        Take {device.serial} out of service
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="lots-heading">
        <h2 id="lots-heading">Cartridge lots</h2>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Lot</th><th scope="col">Model</th><th scope="col">Needles</th><th scope="col">Sealed units left</th><th scope="col">Expires</th></tr></thead>
            <tbody>
              {lots.map((lot) => (
                <tr key={lot.id}>
                  <td>{lot.lot_number}</td><td>{lot.model}</td><td>{lot.needle_count} {humanize(lot.needle_material).toLowerCase()}</td>
                  <td>{lot.unit_count - lot.used_count} of {lot.unit_count}</td><td><ExpiryChip date={lot.expires_on} status={status(lot.expires_on)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="products-heading">
        <h2 id="products-heading">Products</h2>
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Lot</th><th scope="col">Sterile</th><th scope="col">Broken skin</th><th scope="col">Expires</th></tr></thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.id}>
                  <td>{product.name}</td><td>{humanize(product.kind)}</td><td>{product.lot_number}</td><td>{product.sterile ? 'Yes' : 'No'}</td>
                  <td>{product.labelled_for_broken_skin ? 'Yes' : 'No'}</td><td><ExpiryChip date={product.expires_on} status={status(product.expires_on)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {can('manage_inventory') && (
        <>
          <DeviceForm vocabulary={vocabulary} onDone={loaded.reload} />
          <CartridgeLotForm vocabulary={vocabulary} onDone={loaded.reload} />
          <ProductForm onDone={loaded.reload} />
        </>
      )}
    </>
  );
}
