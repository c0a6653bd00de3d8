import type { ScreenProps } from '../routes';

export function ClientsScreen(_props: ScreenProps) {
  return <h1>ClientsScreen</h1>;
}
