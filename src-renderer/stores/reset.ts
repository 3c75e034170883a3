import { resetAgreement } from './agreement';
import { resetCalendar } from './calendar';
import { resetCheckin } from './checkin';
import { resetData } from './data';
import { resetFocus } from './focus';
import { resetNavigation } from './navigation';
import { resetOneOnOne } from './oneOnOne';
import { resetSettings } from './settings';
import { resetSettingsDrafts } from './settingsDrafts';
import { resetSignoff } from './signoff';
import { resetStatus } from './status';
import { resetToday } from './today';
import { resetWeeklyUpdate } from './weeklyUpdate';
import { resetWelcome } from './welcome';

/** Puts every store back to its start-up state (tests, and a future "reload window"). */
export function resetStores(): void {
  resetAgreement();
  resetCalendar();
  resetCheckin();
  resetData();
  resetFocus();
  resetNavigation();
  resetOneOnOne();
  resetSettings();
  resetSettingsDrafts();
  resetSignoff();
  resetStatus();
  resetToday();
  resetWeeklyUpdate();
  resetWelcome();
}
