import { Link } from '../components/Link';

export function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no screen at this address. <Link href="/">Go to Today</Link>.
      </p>
    </section>
  );
}
