// Every screen of the signed-in app, by path; the first match wins. Add a screen here, and to the
// navigation in components/AppShell.tsx when it is a main screen.

import type { FunctionComponent } from 'preact';
import { recordRoutes } from './recordRoutes';
import type { RouteParams } from './router';
import { CalendarScreen } from './screens/CalendarScreen';
import { ClientChartScreen } from './screens/ClientChartScreen';
import { ClientsScreen } from './screens/ClientsScreen';
import { ConsentScreen } from './screens/ConsentScreen';
import { ConsultationScreen } from './screens/ConsultationScreen';
import { HomeCareScreen } from './screens/HomeCareScreen';
import { NewClientScreen } from './screens/NewClientScreen';
import { PlanScreen } from './screens/PlanScreen';
import { ScreeningScreen } from './screens/ScreeningScreen';
import { TodayScreen } from './screens/TodayScreen';

export interface ScreenProps {
  params: RouteParams;
  search: URLSearchParams;
}

export interface Route {
  path: string;
  screen: FunctionComponent<ScreenProps>;
}

export const routes: Route[] = [
  { path: '/', screen: TodayScreen },
  { path: '/clients', screen: ClientsScreen },
  { path: '/clients/new', screen: NewClientScreen },
  { path: '/clients/:client_id', screen: ClientChartScreen },
  { path: '/clients/:client_id/consultation', screen: ConsultationScreen },
  { path: '/clients/:client_id/home-care', screen: HomeCareScreen },
  { path: '/calendar', screen: CalendarScreen },
  { path: '/clients/:client_id/screenings/:screening_id', screen: ScreeningScreen },
  { path: '/clients/:client_id/screenings/:screening_id/plan', screen: PlanScreen },
  { path: '/clients/:client_id/plans/:plan_id/consent', screen: ConsentScreen },
  ...recordRoutes,
];
