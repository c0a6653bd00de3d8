import type { ScreenProps } from '../routes';

export function NewClientScreen(_props: ScreenProps) {
  return <h1>NewClientScreen</h1>;
}
