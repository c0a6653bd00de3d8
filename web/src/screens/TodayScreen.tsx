import type { ScreenProps } from '../routes';

export function TodayScreen(_props: ScreenProps) {
  return <h1>TodayScreen</h1>;
}
