import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

// Status badges with text colours chosen for at least 4.5:1 contrast on their own background
// (Mantine's light variants use shades that fall just under that for green and yellow).

const tones = {
  positive: { background: '#e3f3e7', color: '#1b5e2b', border: '#b7dfc2' },
  warning: { background: '#fff3d1', color: '#6b4a00', border: '#f1d88a' },
  negative: { background: '#fde8e8', color: '#9b1c1c', border: '#f3bcbc' },
  neutral: { background: '#ffffff', color: '#454c53', border: '#adb5bd' },
  info: { background: '#e8f1f8', color: '#0b4c80', border: '#a3c4e1' },
} as const;

export type Tone = keyof typeof tones;

export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  const t = tones[tone];
  return (
    <Badge
      variant="outline"
      radius="sm"
      miw="fit-content"
      styles={{
        root: {
          background: t.background,
          color: t.color,
          borderColor: t.border,
          textTransform: 'none',
          fontWeight: 600,
        },
        label: { overflow: 'visible' },
      }}
    >
      {children}
    </Badge>
  );
}
