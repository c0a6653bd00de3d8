// The charting, aftercare, safety and admin screens, listed in routes.tsx after the consultation's.

import type { Route } from './routes';
import { AdminScreen } from './screens/AdminScreen';
import { AdverseEventScreen } from './screens/AdverseEventScreen';
import { AdverseEventsScreen } from './screens/AdverseEventsScreen';
import { AftercareScreen } from './screens/AftercareScreen';
import { AuditLogScreen } from './screens/AuditLogScreen';
import { InventoryScreen } from './screens/InventoryScreen';
import { KnowledgeBaseScreen } from './screens/KnowledgeBaseScreen';
import { OutcomeAssessmentScreen } from './screens/OutcomeAssessmentScreen';
import { OutcomesScreen } from './screens/OutcomesScreen';
import { RecallScreen } from './screens/RecallScreen';
import { SessionChartScreen } from './screens/SessionChartScreen';
import { StaffScreen } from './screens/StaffScreen';

export const recordRoutes: Route[] = [
  { path: '/clients/:client_id/plans/:plan_id/session', screen: SessionChartScreen },
  { path: '/sessions/:session_id', screen: SessionChartScreen },
  { path: '/sessions/:session_id/aftercare', screen: AftercareScreen },
  { path: '/clients/:client_id/adverse-events', screen: AdverseEventsScreen },
  { path: '/adverse-events/:event_id', screen: AdverseEventScreen },
  { path: '/clients/:client_id/outcomes', screen: OutcomesScreen },
  { path: '/outcome-assessments/:assessment_id', screen: OutcomeAssessmentScreen },
  { path: '/admin', screen: AdminScreen },
  { path: '/admin/staff', screen: StaffScreen },
  { path: '/admin/inventory', screen: InventoryScreen },
  { path: '/admin/recall', screen: RecallScreen },
  { path: '/admin/knowledge-base', screen: KnowledgeBaseScreen },
  { path: '/admin/audit-log', screen: AuditLogScreen },
];
