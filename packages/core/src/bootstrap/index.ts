export { bootstrap, DEFAULT_ACCOUNT } from "./bootstrap.service.js";
