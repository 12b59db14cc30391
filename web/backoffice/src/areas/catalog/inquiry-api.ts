export { catalogApi } from './api.js';

export interface StaffOption { id: string; name: string; email: string; role: string; status: string }
export function itemsOfStaff(r: StaffOption[] | { items: StaffOption[] }): StaffOption[] {
  return Array.isArray(r) ? r : (r.items ?? []);
}
