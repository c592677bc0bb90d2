// The offerings ticked in a choice table: the online subject screens and the offline ones keep them the same way.
import { useState } from 'react';

export function useOfferingToggle() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (offeringId: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(offeringId);
    else next.delete(offeringId);
    setSelected(next);
  };
  return { selected, toggle, clear: () => setSelected(new Set()) };
}
