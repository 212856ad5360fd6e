// `node --conditions=source --enable-source-maps --import ./register-ts-source.mjs child.ts`
import { register } from "node:module";

register("./ts-source-hooks.mjs", import.meta.url);
