import { createTheme, darken, type CSSVariablesResolver, type MantineThemeComponents } from "@mantine/core";

/**
 * Contrast (WCAG AA, 4.5:1 for small text; axe flagged each of these):
 * - light badges, alerts and avatars draw shade 6 on a tint; shade 9 is still 4.3:1 on teal's, so darker;
 * - "dimmed" text is gray 6 (3.3:1 on white); gray 7 still reads as secondary (8:1);
 * - placeholders are gray 5; this gray is the lightest that passes (4.7:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#6c757d",
    ...Object.fromEntries(Object.keys(theme.colors).map((c) => [`--mantine-color-${c}-light-color`, darken(theme.colors[c]?.[9] ?? "#000", 0.3)])),
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontWeight: "650" },
  // Indigo 6 under white text (buttons) or as text (links) is 4.3:1; 7 passes (5:1).
  primaryShade: { light: 7, dark: 8 },
  // Plain objects, not `Modal.extend(...)`: extend() imports the component, which put Modal, Drawer,
  // Table and their floating/scroll-lock code into the first load of every page.
  components: {
    // A wide table on a phone scrolls inside its box; the scrollbar stays visible whenever it overflows
    // (the default shows it on hover only, which a touch screen never does), so the hidden columns are hinted at.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { type: "auto", offsetScrollbars: "x" } } },
    // A badge is a status or a label: never "Adjustm…". Its label clips by default, which lets a table
    // squeeze it below its text (the ledger's "Adjustment", the team's "You"); unclipped, it keeps its width.
    Badge: { styles: { root: { flexShrink: 0 }, label: { overflow: "visible" } } },
    // Links inside sentences must not be told apart by colour alone.
    Anchor: { defaultProps: { underline: "always" } },
    // The ✕ of every dialog and drawer says what it does to a screen reader.
    Modal: { defaultProps: { closeButtonProps: { "aria-label": "Close dialog" } } },
    Drawer: { defaultProps: { closeButtonProps: { "aria-label": "Close panel" } } },
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Dismiss notification" } } },
  } satisfies MantineThemeComponents,
});
