import type { ScreenProps } from '../routes';

export function ConsultationScreen(_props: ScreenProps) {
  return <h1>ConsultationScreen</h1>;
}
