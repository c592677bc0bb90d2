// The school's group payment (集体缴费) order on screen, kept across tab switches while it is polled until it settles.
import { create } from 'zustand';
import type { OrderView } from '../../shared/contracts/http/payment.js';

interface StaffGroupPaymentState {
  readonly order: OrderView | null;
  patch(values: { order: OrderView | null }): void;
}

export const useStaffGroupPayment = create<StaffGroupPaymentState>()((set) => ({
  order: null,
  patch: (values) => set(values),
}));
