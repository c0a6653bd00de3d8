import { useState } from 'preact/hooks';
import { api, query } from '../api/client';
import type { Client, Page } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad } from '../components/useAsync';
import { formatDate } from '../format';
import { navigate } from '../router';
import type { ScreenProps } from '../routes';
import { useCan } from '../session';

/** Find a client by name or birth date; register a new one. */
export function ClientsScreen({ search }: ScreenProps) {
  const can = useCan();
  const q = search.get('q') ?? '';
  const birthDate = search.get('birth_date') ?? '';
  const [name, setName] = useState(q);
  const [born, setBorn] = useState(birthDate);
  const clients = useLoad(() => api.get<Page<Client>>(`/clients${query({ q, birth_date: birthDate, limit: 50 })}`), [q, birthDate]);
  const onSearch = (event: Event) => {
    event.preventDefault();
    navigate(`/clients${query({ q: name.trim(), birth_date: born })}`, { replace: true });
  };
  return (
    <>
      <div class="spread">
        <h1>Clients</h1>
        {can('write_clients') && (
          <Link href="/clients/new" class="button primary">
            New client
          </Link>
        )}
      </div>
      <form class="card search-form" role="search" onSubmit={onSearch}>
        <div class="grid-3 align-end">
          <TextField label="Name, or part of it" type="search" value={name} onInput={setName} error={clients.error?.fields['q']} />
          <TextField label="Birth date" type="date" value={born} onInput={setBorn} error={clients.error?.fields['birth_date']} />
          <div class="field">
            <button type="submit" class="button primary">
              Search
            </button>
          </div>
        </div>
      </form>
      <ErrorMessage report={clients.error} />
      {clients.data && (
        <section class="card" aria-label="Matching clients">
          <p class="muted">
            {clients.data.total} {clients.data.total === 1 ? 'client' : 'clients'}
            {clients.data.total > clients.data.items.length && `, first ${clients.data.items.length} shown`}
          </p>
          {clients.data.items.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Birth date</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Email</th>
                </tr>
              </thead>
              <tbody>
                {clients.data.items.map((client) => (
                  <tr key={client.id}>
                    <td>
                      <Link href={`/clients/${client.id}`}>
                        {client.family_name}, {client.given_name}
                      </Link>
                    </td>
                    <td>{formatDate(client.birth_date)}</td>
                    <td>{client.phone}</td>
                    <td>{client.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
