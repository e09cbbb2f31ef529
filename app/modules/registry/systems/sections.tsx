import type { ComponentType } from 'react';
import type { System } from '../../../../shared/registry/systems.ts';
import { SystemContractsSection, SystemCostsSection } from '../contracts/sections.tsx';

// The sections other parts add to a system's page (its roles, integrations, classification,
// contracts …), in this order, in the side column or the main one. Each part adds one line.

export interface SystemSection {
  id: string;
  column: 'main' | 'side';
  Component: ComponentType<{ system: System }>;
}

export const systemSections: SystemSection[] = [
  { id: 'contracts', column: 'main', Component: SystemContractsSection },
  { id: 'costs', column: 'side', Component: SystemCostsSection },
];
