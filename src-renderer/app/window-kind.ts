// Which window this renderer is: the main process says so in the URL (`?window=kiosk|staff`).
export type WindowKind = 'kiosk' | 'staff';

export function windowKindFrom(search: string): WindowKind {
  return new URLSearchParams(search).get('window') === 'staff' ? 'staff' : 'kiosk';
}
