// Gigafibre's colours for Quasar (light mode); dark-mode values are CSS overrides in theme.css.
// Every pair used for text passes WCAG AA (4.5:1) on its background.
export const BRAND_COLORS = {
  primary: '#0b5cad', // fibre blue, 6.6:1 on white
  secondary: '#00736f', // teal, 5.6:1 on white
  accent: '#c2410c', // signal orange, 5.2:1 on white
  dark: '#18202c', // cards and drawers in dark mode
  'dark-page': '#0e141d', // page background in dark mode
  positive: '#1b7a3a',
  negative: '#c62828',
  info: '#0267a8',
  warning: '#f2c037', // a background for dark text only
} as const;
