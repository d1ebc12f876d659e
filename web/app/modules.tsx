/**
 * The pages this web build has, by module key. The menu comes from /api/meta; a key listed there
 * but missing here gets a "not built yet" page, so the server can announce modules first.
 */
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  MessageOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react'

type Page = LazyExoticComponent<ComponentType>

export const pages: Record<string, Page> = {
  org: lazy(() => import('../features/org/OrgPage')),
  users: lazy(() => import('../features/users/UsersPage')),
  audit: lazy(() => import('../features/audit/AuditPage')),
  profile: lazy(() => import('../features/auth/ProfilePage')),
  petitions: lazy(() => import('../features/petitions/PetitionsPage')),
  calendar: lazy(() => import('../features/calendar/CalendarPage')),
  supervision: lazy(() => import('../features/supervision/SupervisionPage')),
  research: lazy(() => import('../features/research/ResearchPage')),
  rectification: lazy(() => import('../features/rectification/RectificationPage')),
  ethics: lazy(() => import('../features/ethics/EthicsPage')),
  statistics: lazy(() => import('../features/statistics/StatisticsPage')),
  indicators: lazy(() => import('../features/indicators/IndicatorsPage')),
  balance: lazy(() => import('../features/balance/BalancePage')),
  reports: lazy(() => import('../features/reports/ReportsPage')),
  selections: lazy(() => import('../features/selections/SelectionsPage')),
  'selection-reviews': lazy(() => import('../features/selections/ReviewsPage')),
}

const iconsByName: Record<string, ReactNode> = {
  ApartmentOutlined: <ApartmentOutlined />,
  TeamOutlined: <TeamOutlined />,
  AuditOutlined: <AuditOutlined />,
  UserOutlined: <UserOutlined />,
  SettingOutlined: <SettingOutlined />,
  FileTextOutlined: <FileTextOutlined />,
  FormOutlined: <FormOutlined />,
  BarChartOutlined: <BarChartOutlined />,
  ProfileOutlined: <ProfileOutlined />,
  MessageOutlined: <MessageOutlined />,
  CalendarOutlined: <CalendarOutlined />,
  ScheduleOutlined: <ScheduleOutlined />,
  SafetyCertificateOutlined: <SafetyCertificateOutlined />,
  SolutionOutlined: <SolutionOutlined />,
  ExperimentOutlined: <ExperimentOutlined />,
  TableOutlined: <TableOutlined />,
  FundOutlined: <FundOutlined />,
  TrophyOutlined: <TrophyOutlined />,
}

const iconsByKey: Record<string, ReactNode> = {
  org: <ApartmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  profile: <UserOutlined />,
  petitions: <MessageOutlined />,
  calendar: <CalendarOutlined />,
}

export function moduleIcon(key: string, icon?: string): ReactNode {
  return (icon ? iconsByName[icon] : undefined) ?? iconsByKey[key] ?? <AppstoreOutlined />
}
