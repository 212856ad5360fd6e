import { describeExecutionStore } from "../src/store-contract/store-contract.js";
import { memoryStore } from "@stepwise/core";

describeExecutionStore("memory", async () => memoryStore());
