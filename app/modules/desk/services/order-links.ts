import { useContributions } from '../../../platform/seam.ts';

// The point the desk opens for the portal's "Beställ" (ClientModule.contributes): a module that
// sells a catalogue service on its own terms sends its order elsewhere. The catalogue sends a
// priced service to its order form, where the kontering is required and the unit's budget holder
// attests; a service no module claims is ordered on the desk's own form as a request.

export const ORDER_LINKS = 'desk.orderLinks';

export interface OrderLink {
  to: string;
  search?: Record<string, string>;
  /** A line on the service's card, e.g. its price. */
  detail?: string;
}

/** A hook a module contributes: for a catalogue service's id, where its order goes, or null. */
export type OrderLinks = () => (serviceId: string) => OrderLink | null;

/** Where the portal sends the order of a service: the first module that claims it, else null. */
export function useOrderLink(): (serviceId: string) => OrderLink | null {
  const hooks = useContributions<OrderLinks>(ORDER_LINKS);
  // The list is fixed when the app starts (app/modules.ts), so the hooks run in the same order on
  // every render, as React requires.
  // biome-ignore lint/correctness/useHookAtTopLevel: a fixed list of hooks, see above
  const finders = hooks.map((useLinks) => useLinks());
  return (serviceId) => {
    for (const find of finders) {
      const link = find(serviceId);
      if (link) return link;
    }
    return null;
  };
}
