import { createTheme, TableScrollContainer } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontWeight: "650" },
  components: {
    // A wide table on a phone scrolls inside its box; the scrollbar stays visible whenever it overflows
    // (the default shows it on hover only, which a touch screen never does), so the hidden columns are hinted at.
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { scrollAreaProps: { type: "auto", offsetScrollbars: "x" } } }),
  },
});
