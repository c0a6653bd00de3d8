import type { ScreenProps } from '../routes';

export function ClientChartScreen(_props: ScreenProps) {
  return <h1>ClientChartScreen</h1>;
}
