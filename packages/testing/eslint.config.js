export { default } from "@atrium/config/eslint";
