/**
 * Compiling a distributed Map's ItemReader (Resource, Parameters,
 * ReaderConfig with MaxItems), ItemBatcher (MaxItemsPerBatch,
 * MaxInputBytesPerBatch, BatchInput) and ResultWriter (Resource, Parameters).
 */
import type { JsonObject } from "../json.js";
import { isJsonObject } from "../json.js";
import { parseResource } from "../integrations/arn.js";
import type { CsvDelimiter, ReaderInputType } from "../states/map-item-reader.js";
import type { CompiledItemBatcher, CompiledItemReader, CompiledResultWriter } from "./compiled.js";
import type { StateCompiler } from "./state-compiler.js";
import type { StateDefinition } from "./types.js";

/** ItemReader, ItemBatcher and ResultWriter of a distributed Map. */
export function distributedMapIo(c: StateCompiler, definition: Extract<StateDefinition, { Type: "Map" }>) {
  const reader = definition.ItemReader;
  const batcher = definition.ItemBatcher;
  const writer = definition.ResultWriter;
  const result: {
    itemReader?: CompiledItemReader;
    itemBatcher?: CompiledItemBatcher;
    resultWriter?: CompiledResultWriter;
  } = {};
  if (reader && typeof reader["Resource"] === "string") {
    const config = isJsonObject(reader["ReaderConfig"] ?? null) ? (reader["ReaderConfig"] as JsonObject) : {};
    const parameters = c.template("ItemReader/Parameters", reader["Parameters"]);
    const maxItems = c.number(
      "ItemReader/ReaderConfig/MaxItems",
      "ItemReader/ReaderConfig/MaxItemsPath",
      config["MaxItems"],
      config["MaxItemsPath"],
    );
    const headers = config["CSVHeaders"];
    const resource = parseResource(reader["Resource"]);
    if (!resource) {
      c.problem(
        "ItemReader/Resource",
        `The value for the field 'Resource' must be a valid ARN: '${reader["Resource"]}'`,
      );
      return result;
    }
    result.itemReader = {
      resource,
      ...(parameters === undefined ? {} : { parameters }),
      ...(maxItems === undefined ? {} : { maxItems }),
      readerConfig: {
        csvHeaderLocation: config["CSVHeaderLocation"] === "GIVEN" ? "GIVEN" : "FIRST_ROW",
        csvDelimiter:
          typeof config["CSVDelimiter"] === "string" ? (config["CSVDelimiter"] as CsvDelimiter) : "COMMA",
        ...(typeof config["InputType"] === "string"
          ? { inputType: config["InputType"] as ReaderInputType }
          : {}),
        ...(Array.isArray(headers)
          ? { csvHeaders: headers.filter((h): h is string => typeof h === "string") }
          : {}),
      },
    };
  }
  if (batcher) {
    const maxItemsPerBatch = c.number(
      "ItemBatcher/MaxItemsPerBatch",
      "ItemBatcher/MaxItemsPerBatchPath",
      batcher["MaxItemsPerBatch"],
      batcher["MaxItemsPerBatchPath"],
    );
    const maxInputBytesPerBatch = c.number(
      "ItemBatcher/MaxInputBytesPerBatch",
      "ItemBatcher/MaxInputBytesPerBatchPath",
      batcher["MaxInputBytesPerBatch"],
      batcher["MaxInputBytesPerBatchPath"],
    );
    const batchInput = c.template("ItemBatcher/BatchInput", batcher["BatchInput"]);
    result.itemBatcher = Object.assign(
      {},
      maxItemsPerBatch === undefined ? {} : { maxItemsPerBatch },
      maxInputBytesPerBatch === undefined ? {} : { maxInputBytesPerBatch },
      batchInput === undefined ? {} : { batchInput },
    );
  }
  if (writer && typeof writer["Resource"] === "string") {
    const parameters = c.template("ResultWriter/Parameters", writer["Parameters"]);
    const resource = parseResource(writer["Resource"]);
    if (!resource)
      c.problem(
        "ResultWriter/Resource",
        `The value for the field 'Resource' must be a valid ARN: '${writer["Resource"]}'`,
      );
    else result.resultWriter = { resource, ...(parameters === undefined ? {} : { parameters }) };
  }
  return result;
}
