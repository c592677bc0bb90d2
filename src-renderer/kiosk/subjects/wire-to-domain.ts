// Offerings as the shared rules take them: the wire's ISO strings become Dates.
import type { Offering as WireOffering } from '../../../shared/contracts/http/catalogue.js';
import type { Offering } from '../../../shared/domain/offering.js';

export function offeringOf(wire: WireOffering): Offering {
  return {
    ...wire,
    window: { opensAt: new Date(wire.window.opensAt), closesAt: new Date(wire.window.closesAt) },
    examDate: wire.examDate === null ? null : new Date(`${wire.examDate}T00:00:00Z`),
  };
}
