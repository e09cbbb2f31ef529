import type { ComponentType } from 'react';

// Later modules (desk, registry, governance …) put their part of "Mitt Styrbord" here: my
// tickets, the systems I manage, my next meetings. Each section renders its own card.

export interface HomeSection {
  id: string;
  /** Lower first. */
  order: number;
  component: ComponentType;
}

export const homeSections: HomeSection[] = [];

export function registerHomeSection(section: HomeSection) {
  if (!homeSections.some((s) => s.id === section.id)) {
    homeSections.push(section);
    homeSections.sort((a, b) => a.order - b.order);
  }
}
