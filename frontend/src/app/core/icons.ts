import {
  AlertOutline,
  ApartmentOutline,
  AuditOutline,
  BellOutline,
  BarChartOutline,
  ExclamationCircleOutline,
  FieldTimeOutline,
  FileTextOutline,
  GlobalOutline,
  InboxOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  SettingOutline,
  SolutionOutline,
  TagsOutline,
  TeamOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';

/*
 * Icons are bundled (nothing is fetched from a CDN or /assets at run time) and registered with
 * `provideNzIconsPatch` by the components that show them, so the icon library stays out of the
 * initial bundle. ng-zorro registers the icons its own components use.
 */

/** Icons of the role menu (see menu.ts) and the admin landing page. */
export const MENU_ICONS = [
  AlertOutline,
  ApartmentOutline,
  AuditOutline,
  BarChartOutline,
  ExclamationCircleOutline,
  FieldTimeOutline,
  FileTextOutline,
  GlobalOutline,
  InboxOutline,
  SettingOutline,
  SolutionOutline,
  TagsOutline,
  TeamOutline,
  UserOutline,
];

export const HEADER_ICONS = [LogoutOutline, MenuFoldOutline, MenuOutline, MenuUnfoldOutline];

export const LANGUAGE_ICONS = [GlobalOutline];

export const BELL_ICONS = [BellOutline];
