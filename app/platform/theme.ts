import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// The Styrbord look: a deep sea blue as the primary colour, calm greys, and every text colour
// at WCAG AA contrast or better on the surfaces it is used on (Mantine's default dimmed, error and
// placeholder greys are lighter than 4.5:1, so they are darkened here).

const sea: MantineColorsTuple = [
  '#e8f1f8',
  '#d0e2f0',
  '#a3c4e1',
  '#72a4d0',
  '#4a89c2',
  '#2f78b8',
  '#1d68a8',
  '#135a94',
  '#0b4c80',
  '#053c68',
];

export const theme = createTheme({
  primaryColor: 'sea',
  primaryShade: { light: 7, dark: 5 },
  colors: { sea },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.4' },
      h3: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'sm' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { radius: 'md', centered: false } },
    Badge: {
      defaultProps: { radius: 'sm', variant: 'light', size: 'md' },
      // Sentence case and never cut short: badges hold words people read, not decoration.
      styles: {
        root: { textTransform: 'none', fontWeight: 600, minWidth: 'fit-content' },
        label: { overflow: 'visible' },
      },
    },
    Tooltip: { defaultProps: { openDelay: 300 } },
    // The focus placeholder is a role="presentation" child of role="menu", which ARIA forbids.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5a6169',
    '--mantine-color-placeholder': '#6c737a',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-anchor': 'var(--mantine-color-sea-7)',
    '--mantine-color-body': '#ffffff',
    // Text on "light" variants (alerts, badges, light buttons): shade 9 or darker instead of
    // Mantine's shade 6, so that it reaches 4.5:1 on the tinted background.
    '--mantine-color-red-light-color': '#a61e1e',
    '--mantine-color-orange-light-color': '#9a3a00',
    '--mantine-color-yellow-light-color': '#6b4a00',
    '--mantine-color-green-light-color': '#1b5e2b',
    '--mantine-color-teal-light-color': '#0b5e4d',
    '--mantine-color-cyan-light-color': '#0b5566',
    '--mantine-color-blue-light-color': '#124f8c',
    '--mantine-color-sea-light-color': 'var(--mantine-color-sea-9)',
    '--mantine-color-violet-light-color': '#4b2a9e',
    '--mantine-color-grape-light-color': '#6a1f7a',
    '--mantine-color-gray-light-color': '#343a40',
  },
  dark: {},
});
