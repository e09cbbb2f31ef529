import type { ComponentType } from 'react';
import type { System } from '../../../../shared/registry/systems.ts';
import { AiSection } from '../ai/AiSection.tsx';
import { ClassificationSection } from '../classification/ClassificationSection.tsx';
import { SystemContractsSection, SystemCostsSection } from '../contracts/sections.tsx';
import { ImpactSection, IntegrationsSection } from '../integrations/sections.tsx';
import { SystemManagementSection } from '../management/SystemSection.tsx';
import { SystemProcessingSection } from '../privacy/SystemSection.tsx';
import { SystemRecordsSection } from '../records/SystemRecordsSection.tsx';
import { SystemServicesSection } from '../services/SystemServicesSection.tsx';
import { RolesSection } from './RolesSection.tsx';

// The sections other parts add to a system's page (its roles, integrations, classification,
// contracts …), in this order, in the side column or the main one. Each part adds one line.

export interface SystemSection {
  id: string;
  column: 'main' | 'side';
  Component: ComponentType<{ system: System }>;
}

export const systemSections: SystemSection[] = [
  { id: 'roles', column: 'main', Component: RolesSection },
  { id: 'classification', column: 'main', Component: ClassificationSection },
  { id: 'ai', column: 'main', Component: AiSection },
  { id: 'services', column: 'side', Component: SystemServicesSection },
  { id: 'processes', column: 'main', Component: SystemRecordsSection },
  { id: 'processing', column: 'main', Component: SystemProcessingSection },
  { id: 'management', column: 'side', Component: SystemManagementSection },
  { id: 'integrations', column: 'main', Component: IntegrationsSection },
  { id: 'impact', column: 'side', Component: ImpactSection },
  { id: 'contracts', column: 'main', Component: SystemContractsSection },
  { id: 'costs', column: 'side', Component: SystemCostsSection },
];
