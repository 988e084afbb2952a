import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 353;
export const ids = [353];
export const modules = {

/***/ 23353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPARE_FILE_LIMIT: () => (/* binding */ COMPARE_FILE_LIMIT),
  EVIDENCE_RULE: () => (/* binding */ EVIDENCE_RULE),
  EVIDENCE_WRITE_RULE: () => (/* binding */ EVIDENCE_WRITE_RULE),
  countViolations: () => (/* binding */ countViolations),
  "default": () => (/* binding */ main),
  summaryMarkdown: () => (/* binding */ summaryMarkdown)
});

// EXTERNAL MODULE: ./lib/github.ts
var github = __webpack_require__(22183);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/action.ts
function defineAction(definition) {
    return definition;
}

// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(90453);
;// CONCATENATED MODULE: ./lib/report/types.ts
/**
 * The vocabulary every action reports in. An action's run() returns these as plain data; the
 * runner adapter (lib/runtime.ts) turns them into workflow commands, a job summary, a check run,
 * SARIF and an evidence bundle, passing every string through the redactor on the way out.
 */
function findingToAnnotation(finding, title) {
    const annotation = {
        level: finding.level,
        message: finding.message,
        title: title ?? finding.ruleId,
    };
    if (finding.location) {
        annotation.file = finding.location.file;
        annotation.line = finding.location.line;
        if (finding.location.column !== undefined)
            annotation.column = finding.location.column;
        if (finding.location.endLine !== undefined)
            annotation.endLine = finding.location.endLine;
        if (finding.location.endColumn !== undefined)
            annotation.endColumn = finding.location.endColumn;
    }
    return annotation;
}
const LEVEL_RANK = { notice: 0, warning: 1, error: 2 };
/** True when `level` is at least as severe as `threshold` (fail-on semantics). */
function atLeast(level, threshold) {
    return LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}

// EXTERNAL MODULE: ./lib/report/summary.ts
var summary = __webpack_require__(12241);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(42463);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(82815);
var dist_default = /*#__PURE__*/__webpack_require__.n(dist);
;// CONCATENATED MODULE: ./lib/report/sarif-schema-2.1.0.json
const sarif_schema_2_1_0_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$comment":"Official OASIS SARIF 2.1.0 JSON schema (draft-07), (c) OASIS Open, governed by the OASIS IPR Policy (SARIF TC: RF on RAND Terms Mode); source: oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json. Vendored unchanged except this $comment, taken from the npm package @datadog/datadog-ci-plugin-sarif@5.25.0 (Apache-2.0), which embeds it in dist/bundle.js; no npm package ships the draft-07 schema as a file (@microsoft/jest-sarif ships only the pre-release 2.1.0-rtm.5 in draft-04).","title":"Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema","$id":"https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json","description":"Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema: a standard format for the output of static analysis tools.","additionalProperties":false,"type":"object","properties":{"$schema":{"description":"The URI of the JSON schema corresponding to the version.","type":"string","format":"uri"},"version":{"description":"The SARIF format version of this log file.","enum":["2.1.0"]},"runs":{"description":"The set of runs contained in this log file.","type":"array","minItems":0,"uniqueItems":false,"items":{"$ref":"#/definitions/run"}},"inlineExternalProperties":{"description":"References to external property files that share data between runs.","type":"array","minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/externalProperties"}},"properties":{"description":"Key/value pairs that provide additional information about the log file.","$ref":"#/definitions/propertyBag"}},"required":["version","runs"],"definitions":{"address":{"description":"A physical or virtual address, or a range of addresses, in an \'addressable region\' (memory or a binary file).","additionalProperties":false,"type":"object","properties":{"absoluteAddress":{"description":"The address expressed as a byte offset from the start of the addressable region.","type":"integer","minimum":-1,"default":-1},"relativeAddress":{"description":"The address expressed as a byte offset from the absolute address of the top-most parent object.","type":"integer"},"length":{"description":"The number of bytes in this range of addresses.","type":"integer"},"kind":{"description":"An open-ended string that identifies the address kind. \'data\', \'function\', \'header\',\'instruction\', \'module\', \'page\', \'section\', \'segment\', \'stack\', \'stackFrame\', \'table\' are well-known values.","type":"string"},"name":{"description":"A name that is associated with the address, e.g., \'.text\'.","type":"string"},"fullyQualifiedName":{"description":"A human-readable fully qualified name that is associated with the address.","type":"string"},"offsetFromParent":{"description":"The byte offset of this address from the absolute or relative address of the parent object.","type":"integer"},"index":{"description":"The index within run.addresses of the cached object for this address.","type":"integer","default":-1,"minimum":-1},"parentIndex":{"description":"The index within run.addresses of the parent object.","type":"integer","default":-1,"minimum":-1},"properties":{"description":"Key/value pairs that provide additional information about the address.","$ref":"#/definitions/propertyBag"}}},"artifact":{"description":"A single artifact. In some cases, this artifact might be nested within another artifact.","additionalProperties":false,"type":"object","properties":{"description":{"description":"A short description of the artifact.","$ref":"#/definitions/message"},"location":{"description":"The location of the artifact.","$ref":"#/definitions/artifactLocation"},"parentIndex":{"description":"Identifies the index of the immediate parent of the artifact, if this artifact is nested.","type":"integer","default":-1,"minimum":-1},"offset":{"description":"The offset in bytes of the artifact within its containing artifact.","type":"integer","minimum":0},"length":{"description":"The length of the artifact in bytes.","type":"integer","default":-1,"minimum":-1},"roles":{"description":"The role or roles played by the artifact in the analysis.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"enum":["analysisTarget","attachment","responseFile","resultFile","standardStream","tracedFile","unmodified","modified","added","deleted","renamed","uncontrolled","driver","extension","translation","taxonomy","policy","referencedOnCommandLine","memoryContents","directory","userSpecifiedConfiguration","toolSpecifiedConfiguration","debugOutputFile"]}},"mimeType":{"description":"The MIME type (RFC 2045) of the artifact.","type":"string","pattern":"[^/]+/.+"},"contents":{"description":"The contents of the artifact.","$ref":"#/definitions/artifactContent"},"encoding":{"description":"Specifies the encoding for an artifact object that refers to a text file.","type":"string"},"sourceLanguage":{"description":"Specifies the source language for any artifact object that refers to a text file that contains source code.","type":"string"},"hashes":{"description":"A dictionary, each of whose keys is the name of a hash function and each of whose values is the hashed value of the artifact produced by the specified hash function.","type":"object","additionalProperties":{"type":"string"}},"lastModifiedTimeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which the artifact was most recently modified. See \\"Date/time properties\\" in the SARIF spec for the required format.","type":"string","format":"date-time"},"properties":{"description":"Key/value pairs that provide additional information about the artifact.","$ref":"#/definitions/propertyBag"}}},"artifactChange":{"description":"A change to a single artifact.","additionalProperties":false,"type":"object","properties":{"artifactLocation":{"description":"The location of the artifact to change.","$ref":"#/definitions/artifactLocation"},"replacements":{"description":"An array of replacement objects, each of which represents the replacement of a single region in a single artifact specified by \'artifactLocation\'.","type":"array","minItems":1,"uniqueItems":false,"items":{"$ref":"#/definitions/replacement"}},"properties":{"description":"Key/value pairs that provide additional information about the change.","$ref":"#/definitions/propertyBag"}},"required":["artifactLocation","replacements"]},"artifactContent":{"description":"Represents the contents of an artifact.","type":"object","additionalProperties":false,"properties":{"text":{"description":"UTF-8-encoded content from a text artifact.","type":"string"},"binary":{"description":"MIME Base64-encoded content from a binary artifact, or from a text artifact in its original encoding.","type":"string"},"rendered":{"description":"An alternate rendered representation of the artifact (e.g., a decompiled representation of a binary region).","$ref":"#/definitions/multiformatMessageString"},"properties":{"description":"Key/value pairs that provide additional information about the artifact content.","$ref":"#/definitions/propertyBag"}}},"artifactLocation":{"description":"Specifies the location of an artifact.","additionalProperties":false,"type":"object","properties":{"uri":{"description":"A string containing a valid relative or absolute URI.","type":"string","format":"uri-reference"},"uriBaseId":{"description":"A string which indirectly specifies the absolute URI with respect to which a relative URI in the \\"uri\\" property is interpreted.","type":"string"},"index":{"description":"The index within the run artifacts array of the artifact object associated with the artifact location.","type":"integer","default":-1,"minimum":-1},"description":{"description":"A short description of the artifact location.","$ref":"#/definitions/message"},"properties":{"description":"Key/value pairs that provide additional information about the artifact location.","$ref":"#/definitions/propertyBag"}}},"attachment":{"description":"An artifact relevant to a result.","type":"object","additionalProperties":false,"properties":{"description":{"description":"A message describing the role played by the attachment.","$ref":"#/definitions/message"},"artifactLocation":{"description":"The location of the attachment.","$ref":"#/definitions/artifactLocation"},"regions":{"description":"An array of regions of interest within the attachment.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/region"}},"rectangles":{"description":"An array of rectangles specifying areas of interest within the image.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/rectangle"}},"properties":{"description":"Key/value pairs that provide additional information about the attachment.","$ref":"#/definitions/propertyBag"}},"required":["artifactLocation"]},"codeFlow":{"description":"A set of threadFlows which together describe a pattern of code execution relevant to detecting a result.","additionalProperties":false,"type":"object","properties":{"message":{"description":"A message relevant to the code flow.","$ref":"#/definitions/message"},"threadFlows":{"description":"An array of one or more unique threadFlow objects, each of which describes the progress of a program through a thread of execution.","type":"array","minItems":1,"uniqueItems":false,"items":{"$ref":"#/definitions/threadFlow"}},"properties":{"description":"Key/value pairs that provide additional information about the code flow.","$ref":"#/definitions/propertyBag"}},"required":["threadFlows"]},"configurationOverride":{"description":"Information about how a specific rule or notification was reconfigured at runtime.","type":"object","additionalProperties":false,"properties":{"configuration":{"description":"Specifies how the rule or notification was configured during the scan.","$ref":"#/definitions/reportingConfiguration"},"descriptor":{"description":"A reference used to locate the descriptor whose configuration was overridden.","$ref":"#/definitions/reportingDescriptorReference"},"properties":{"description":"Key/value pairs that provide additional information about the configuration override.","$ref":"#/definitions/propertyBag"}},"required":["configuration","descriptor"]},"conversion":{"description":"Describes how a converter transformed the output of a static analysis tool from the analysis tool\'s native output format into the SARIF format.","additionalProperties":false,"type":"object","properties":{"tool":{"description":"A tool object that describes the converter.","$ref":"#/definitions/tool"},"invocation":{"description":"An invocation object that describes the invocation of the converter.","$ref":"#/definitions/invocation"},"analysisToolLogFiles":{"description":"The locations of the analysis tool\'s per-run log files.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/artifactLocation"}},"properties":{"description":"Key/value pairs that provide additional information about the conversion.","$ref":"#/definitions/propertyBag"}},"required":["tool"]},"edge":{"description":"Represents a directed edge in a graph.","type":"object","additionalProperties":false,"properties":{"id":{"description":"A string that uniquely identifies the edge within its graph.","type":"string"},"label":{"description":"A short description of the edge.","$ref":"#/definitions/message"},"sourceNodeId":{"description":"Identifies the source node (the node at which the edge starts).","type":"string"},"targetNodeId":{"description":"Identifies the target node (the node at which the edge ends).","type":"string"},"properties":{"description":"Key/value pairs that provide additional information about the edge.","$ref":"#/definitions/propertyBag"}},"required":["id","sourceNodeId","targetNodeId"]},"edgeTraversal":{"description":"Represents the traversal of a single edge during a graph traversal.","type":"object","additionalProperties":false,"properties":{"edgeId":{"description":"Identifies the edge being traversed.","type":"string"},"message":{"description":"A message to display to the user as the edge is traversed.","$ref":"#/definitions/message"},"finalState":{"description":"The values of relevant expressions after the edge has been traversed.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"stepOverEdgeCount":{"description":"The number of edge traversals necessary to return from a nested graph.","type":"integer","minimum":0},"properties":{"description":"Key/value pairs that provide additional information about the edge traversal.","$ref":"#/definitions/propertyBag"}},"required":["edgeId"]},"exception":{"description":"Describes a runtime exception encountered during the execution of an analysis tool.","type":"object","additionalProperties":false,"properties":{"kind":{"type":"string","description":"A string that identifies the kind of exception, for example, the fully qualified type name of an object that was thrown, or the symbolic name of a signal."},"message":{"description":"A message that describes the exception.","type":"string"},"stack":{"description":"The sequence of function calls leading to the exception.","$ref":"#/definitions/stack"},"innerExceptions":{"description":"An array of exception objects each of which is considered a cause of this exception.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/exception"}},"properties":{"description":"Key/value pairs that provide additional information about the exception.","$ref":"#/definitions/propertyBag"}}},"externalProperties":{"description":"The top-level element of an external property file.","type":"object","additionalProperties":false,"properties":{"schema":{"description":"The URI of the JSON schema corresponding to the version of the external property file format.","type":"string","format":"uri"},"version":{"description":"The SARIF format version of this external properties object.","enum":["2.1.0"]},"guid":{"description":"A stable, unique identifer for this external properties object, in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"runGuid":{"description":"A stable, unique identifer for the run associated with this external properties object, in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"conversion":{"description":"A conversion object that will be merged with a separate run.","$ref":"#/definitions/conversion"},"graphs":{"description":"An array of graph objects that will be merged with a separate run.","type":"array","minItems":0,"default":[],"uniqueItems":true,"items":{"$ref":"#/definitions/graph"}},"externalizedProperties":{"description":"Key/value pairs that provide additional information that will be merged with a separate run.","$ref":"#/definitions/propertyBag"},"artifacts":{"description":"An array of artifact objects that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/artifact"}},"invocations":{"description":"Describes the invocation of the analysis tool that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/invocation"}},"logicalLocations":{"description":"An array of logical locations such as namespaces, types or functions that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/logicalLocation"}},"threadFlowLocations":{"description":"An array of threadFlowLocation objects that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/threadFlowLocation"}},"results":{"description":"An array of result objects that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/result"}},"taxonomies":{"description":"Tool taxonomies that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"driver":{"description":"The analysis tool object that will be merged with a separate run.","$ref":"#/definitions/toolComponent"},"extensions":{"description":"Tool extensions that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"policies":{"description":"Tool policies that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"translations":{"description":"Tool translations that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"addresses":{"description":"Addresses that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/address"}},"webRequests":{"description":"Requests that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/webRequest"}},"webResponses":{"description":"Responses that will be merged with a separate run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/webResponse"}},"properties":{"description":"Key/value pairs that provide additional information about the external properties.","$ref":"#/definitions/propertyBag"}}},"externalPropertyFileReference":{"description":"Contains information that enables a SARIF consumer to locate the external property file that contains the value of an externalized property associated with the run.","type":"object","additionalProperties":false,"properties":{"location":{"description":"The location of the external property file.","$ref":"#/definitions/artifactLocation"},"guid":{"description":"A stable, unique identifer for the external property file in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"itemCount":{"description":"A non-negative integer specifying the number of items contained in the external property file.","type":"integer","default":-1,"minimum":-1},"properties":{"description":"Key/value pairs that provide additional information about the external property file.","$ref":"#/definitions/propertyBag"}},"anyOf":[{"required":["location"]},{"required":["guid"]}]},"externalPropertyFileReferences":{"description":"References to external property files that should be inlined with the content of a root log file.","additionalProperties":false,"type":"object","properties":{"conversion":{"description":"An external property file containing a run.conversion object to be merged with the root log file.","$ref":"#/definitions/externalPropertyFileReference"},"graphs":{"description":"An array of external property files containing a run.graphs object to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"externalizedProperties":{"description":"An external property file containing a run.properties object to be merged with the root log file.","$ref":"#/definitions/externalPropertyFileReference"},"artifacts":{"description":"An array of external property files containing run.artifacts arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"invocations":{"description":"An array of external property files containing run.invocations arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"logicalLocations":{"description":"An array of external property files containing run.logicalLocations arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"threadFlowLocations":{"description":"An array of external property files containing run.threadFlowLocations arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"results":{"description":"An array of external property files containing run.results arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"taxonomies":{"description":"An array of external property files containing run.taxonomies arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"addresses":{"description":"An array of external property files containing run.addresses arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"driver":{"description":"An external property file containing a run.driver object to be merged with the root log file.","$ref":"#/definitions/externalPropertyFileReference"},"extensions":{"description":"An array of external property files containing run.extensions arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"policies":{"description":"An array of external property files containing run.policies arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"translations":{"description":"An array of external property files containing run.translations arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"webRequests":{"description":"An array of external property files containing run.requests arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"webResponses":{"description":"An array of external property files containing run.responses arrays to be merged with the root log file.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/externalPropertyFileReference"}},"properties":{"description":"Key/value pairs that provide additional information about the external property files.","$ref":"#/definitions/propertyBag"}}},"fix":{"description":"A proposed fix for the problem represented by a result object. A fix specifies a set of artifacts to modify. For each artifact, it specifies a set of bytes to remove, and provides a set of new bytes to replace them.","additionalProperties":false,"type":"object","properties":{"description":{"description":"A message that describes the proposed fix, enabling viewers to present the proposed change to an end user.","$ref":"#/definitions/message"},"artifactChanges":{"description":"One or more artifact changes that comprise a fix for a result.","type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/artifactChange"}},"properties":{"description":"Key/value pairs that provide additional information about the fix.","$ref":"#/definitions/propertyBag"}},"required":["artifactChanges"]},"graph":{"description":"A network of nodes and directed edges that describes some aspect of the structure of the code (for example, a call graph).","type":"object","additionalProperties":false,"properties":{"description":{"description":"A description of the graph.","$ref":"#/definitions/message"},"nodes":{"description":"An array of node objects representing the nodes of the graph.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/node"}},"edges":{"description":"An array of edge objects representing the edges of the graph.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/edge"}},"properties":{"description":"Key/value pairs that provide additional information about the graph.","$ref":"#/definitions/propertyBag"}}},"graphTraversal":{"description":"Represents a path through a graph.","type":"object","additionalProperties":false,"properties":{"runGraphIndex":{"description":"The index within the run.graphs to be associated with the result.","type":"integer","default":-1,"minimum":-1},"resultGraphIndex":{"description":"The index within the result.graphs to be associated with the result.","type":"integer","default":-1,"minimum":-1},"description":{"description":"A description of this graph traversal.","$ref":"#/definitions/message"},"initialState":{"description":"Values of relevant expressions at the start of the graph traversal that may change during graph traversal.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"immutableState":{"description":"Values of relevant expressions at the start of the graph traversal that remain constant for the graph traversal.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"edgeTraversals":{"description":"The sequences of edges traversed by this graph traversal.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/edgeTraversal"}},"properties":{"description":"Key/value pairs that provide additional information about the graph traversal.","$ref":"#/definitions/propertyBag"}},"oneOf":[{"required":["runGraphIndex"]},{"required":["resultGraphIndex"]}]},"invocation":{"description":"The runtime environment of the analysis tool run.","additionalProperties":false,"type":"object","properties":{"commandLine":{"description":"The command line used to invoke the tool.","type":"string"},"arguments":{"description":"An array of strings, containing in order the command line arguments passed to the tool from the operating system.","type":"array","minItems":0,"uniqueItems":false,"items":{"type":"string"}},"responseFiles":{"description":"The locations of any response files specified on the tool\'s command line.","type":"array","minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/artifactLocation"}},"startTimeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which the run started. See \\"Date/time properties\\" in the SARIF spec for the required format.","type":"string","format":"date-time"},"endTimeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which the run ended. See \\"Date/time properties\\" in the SARIF spec for the required format.","type":"string","format":"date-time"},"exitCode":{"description":"The process exit code.","type":"integer"},"ruleConfigurationOverrides":{"description":"An array of configurationOverride objects that describe rules related runtime overrides.","type":"array","minItems":0,"default":[],"uniqueItems":true,"items":{"$ref":"#/definitions/configurationOverride"}},"notificationConfigurationOverrides":{"description":"An array of configurationOverride objects that describe notifications related runtime overrides.","type":"array","minItems":0,"default":[],"uniqueItems":true,"items":{"$ref":"#/definitions/configurationOverride"}},"toolExecutionNotifications":{"description":"A list of runtime conditions detected by the tool during the analysis.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/notification"}},"toolConfigurationNotifications":{"description":"A list of conditions detected by the tool that are relevant to the tool\'s configuration.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/notification"}},"exitCodeDescription":{"description":"The reason for the process exit.","type":"string"},"exitSignalName":{"description":"The name of the signal that caused the process to exit.","type":"string"},"exitSignalNumber":{"description":"The numeric value of the signal that caused the process to exit.","type":"integer"},"processStartFailureMessage":{"description":"The reason given by the operating system that the process failed to start.","type":"string"},"executionSuccessful":{"description":"Specifies whether the tool\'s execution completed successfully.","type":"boolean"},"machine":{"description":"The machine that hosted the analysis tool run.","type":"string"},"account":{"description":"The account that ran the analysis tool.","type":"string"},"processId":{"description":"The process id for the analysis tool run.","type":"integer"},"executableLocation":{"description":"An absolute URI specifying the location of the analysis tool\'s executable.","$ref":"#/definitions/artifactLocation"},"workingDirectory":{"description":"The working directory for the analysis tool run.","$ref":"#/definitions/artifactLocation"},"environmentVariables":{"description":"The environment variables associated with the analysis tool process, expressed as key/value pairs.","type":"object","additionalProperties":{"type":"string"}},"stdin":{"description":"A file containing the standard input stream to the process that was invoked.","$ref":"#/definitions/artifactLocation"},"stdout":{"description":"A file containing the standard output stream from the process that was invoked.","$ref":"#/definitions/artifactLocation"},"stderr":{"description":"A file containing the standard error stream from the process that was invoked.","$ref":"#/definitions/artifactLocation"},"stdoutStderr":{"description":"A file containing the interleaved standard output and standard error stream from the process that was invoked.","$ref":"#/definitions/artifactLocation"},"properties":{"description":"Key/value pairs that provide additional information about the invocation.","$ref":"#/definitions/propertyBag"}},"required":["executionSuccessful"]},"location":{"description":"A location within a programming artifact.","additionalProperties":false,"type":"object","properties":{"id":{"description":"Value that distinguishes this location from all other locations within a single result object.","type":"integer","minimum":-1,"default":-1},"physicalLocation":{"description":"Identifies the artifact and region.","$ref":"#/definitions/physicalLocation"},"logicalLocations":{"description":"The logical locations associated with the result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/logicalLocation"}},"message":{"description":"A message relevant to the location.","$ref":"#/definitions/message"},"annotations":{"description":"A set of regions relevant to the location.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/region"}},"relationships":{"description":"An array of objects that describe relationships between this location and others.","type":"array","default":[],"minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/locationRelationship"}},"properties":{"description":"Key/value pairs that provide additional information about the location.","$ref":"#/definitions/propertyBag"}}},"locationRelationship":{"description":"Information about the relation of one location to another.","type":"object","additionalProperties":false,"properties":{"target":{"description":"A reference to the related location.","type":"integer","minimum":0},"kinds":{"description":"A set of distinct strings that categorize the relationship. Well-known kinds include \'includes\', \'isIncludedBy\' and \'relevant\'.","type":"array","default":["relevant"],"uniqueItems":true,"items":{"type":"string"}},"description":{"description":"A description of the location relationship.","$ref":"#/definitions/message"},"properties":{"description":"Key/value pairs that provide additional information about the location relationship.","$ref":"#/definitions/propertyBag"}},"required":["target"]},"logicalLocation":{"description":"A logical location of a construct that produced a result.","additionalProperties":false,"type":"object","properties":{"name":{"description":"Identifies the construct in which the result occurred. For example, this property might contain the name of a class or a method.","type":"string"},"index":{"description":"The index within the logical locations array.","type":"integer","default":-1,"minimum":-1},"fullyQualifiedName":{"description":"The human-readable fully qualified name of the logical location.","type":"string"},"decoratedName":{"description":"The machine-readable name for the logical location, such as a mangled function name provided by a C++ compiler that encodes calling convention, return type and other details along with the function name.","type":"string"},"parentIndex":{"description":"Identifies the index of the immediate parent of the construct in which the result was detected. For example, this property might point to a logical location that represents the namespace that holds a type.","type":"integer","default":-1,"minimum":-1},"kind":{"description":"The type of construct this logical location component refers to. Should be one of \'function\', \'member\', \'module\', \'namespace\', \'parameter\', \'resource\', \'returnType\', \'type\', \'variable\', \'object\', \'array\', \'property\', \'value\', \'element\', \'text\', \'attribute\', \'comment\', \'declaration\', \'dtd\' or \'processingInstruction\', if any of those accurately describe the construct.","type":"string"},"properties":{"description":"Key/value pairs that provide additional information about the logical location.","$ref":"#/definitions/propertyBag"}}},"message":{"description":"Encapsulates a message intended to be read by the end user.","type":"object","additionalProperties":false,"properties":{"text":{"description":"A plain text message string.","type":"string"},"markdown":{"description":"A Markdown message string.","type":"string"},"id":{"description":"The identifier for this message.","type":"string"},"arguments":{"description":"An array of strings to substitute into the message string.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"type":"string"}},"properties":{"description":"Key/value pairs that provide additional information about the message.","$ref":"#/definitions/propertyBag"}},"anyOf":[{"required":["text"]},{"required":["id"]}]},"multiformatMessageString":{"description":"A message string or message format string rendered in multiple formats.","type":"object","additionalProperties":false,"properties":{"text":{"description":"A plain text message string or format string.","type":"string"},"markdown":{"description":"A Markdown message string or format string.","type":"string"},"properties":{"description":"Key/value pairs that provide additional information about the message.","$ref":"#/definitions/propertyBag"}},"required":["text"]},"node":{"description":"Represents a node in a graph.","type":"object","additionalProperties":false,"properties":{"id":{"description":"A string that uniquely identifies the node within its graph.","type":"string"},"label":{"description":"A short description of the node.","$ref":"#/definitions/message"},"location":{"description":"A code location associated with the node.","$ref":"#/definitions/location"},"children":{"description":"Array of child nodes.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/node"}},"properties":{"description":"Key/value pairs that provide additional information about the node.","$ref":"#/definitions/propertyBag"}},"required":["id"]},"notification":{"description":"Describes a condition relevant to the tool itself, as opposed to being relevant to a target being analyzed by the tool.","type":"object","additionalProperties":false,"properties":{"locations":{"description":"The locations relevant to this notification.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/location"}},"message":{"description":"A message that describes the condition that was encountered.","$ref":"#/definitions/message"},"level":{"description":"A value specifying the severity level of the notification.","default":"warning","enum":["none","note","warning","error"]},"threadId":{"description":"The thread identifier of the code that generated the notification.","type":"integer"},"timeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which the analysis tool generated the notification.","type":"string","format":"date-time"},"exception":{"description":"The runtime exception, if any, relevant to this notification.","$ref":"#/definitions/exception"},"descriptor":{"description":"A reference used to locate the descriptor relevant to this notification.","$ref":"#/definitions/reportingDescriptorReference"},"associatedRule":{"description":"A reference used to locate the rule descriptor associated with this notification.","$ref":"#/definitions/reportingDescriptorReference"},"properties":{"description":"Key/value pairs that provide additional information about the notification.","$ref":"#/definitions/propertyBag"}},"required":["message"]},"physicalLocation":{"description":"A physical location relevant to a result. Specifies a reference to a programming artifact together with a range of bytes or characters within that artifact.","additionalProperties":false,"type":"object","properties":{"address":{"description":"The address of the location.","$ref":"#/definitions/address"},"artifactLocation":{"description":"The location of the artifact.","$ref":"#/definitions/artifactLocation"},"region":{"description":"Specifies a portion of the artifact.","$ref":"#/definitions/region"},"contextRegion":{"description":"Specifies a portion of the artifact that encloses the region. Allows a viewer to display additional context around the region.","$ref":"#/definitions/region"},"properties":{"description":"Key/value pairs that provide additional information about the physical location.","$ref":"#/definitions/propertyBag"}},"anyOf":[{"required":["address"]},{"required":["artifactLocation"]}]},"propertyBag":{"description":"Key/value pairs that provide additional information about the object.","type":"object","additionalProperties":true,"properties":{"tags":{"description":"A set of distinct strings that provide additional information.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"type":"string"}}}},"rectangle":{"description":"An area within an image.","additionalProperties":false,"type":"object","properties":{"top":{"description":"The Y coordinate of the top edge of the rectangle, measured in the image\'s natural units.","type":"number"},"left":{"description":"The X coordinate of the left edge of the rectangle, measured in the image\'s natural units.","type":"number"},"bottom":{"description":"The Y coordinate of the bottom edge of the rectangle, measured in the image\'s natural units.","type":"number"},"right":{"description":"The X coordinate of the right edge of the rectangle, measured in the image\'s natural units.","type":"number"},"message":{"description":"A message relevant to the rectangle.","$ref":"#/definitions/message"},"properties":{"description":"Key/value pairs that provide additional information about the rectangle.","$ref":"#/definitions/propertyBag"}}},"region":{"description":"A region within an artifact where a result was detected.","additionalProperties":false,"type":"object","properties":{"startLine":{"description":"The line number of the first character in the region.","type":"integer","minimum":1},"startColumn":{"description":"The column number of the first character in the region.","type":"integer","minimum":1},"endLine":{"description":"The line number of the last character in the region.","type":"integer","minimum":1},"endColumn":{"description":"The column number of the character following the end of the region.","type":"integer","minimum":1},"charOffset":{"description":"The zero-based offset from the beginning of the artifact of the first character in the region.","type":"integer","default":-1,"minimum":-1},"charLength":{"description":"The length of the region in characters.","type":"integer","minimum":0},"byteOffset":{"description":"The zero-based offset from the beginning of the artifact of the first byte in the region.","type":"integer","default":-1,"minimum":-1},"byteLength":{"description":"The length of the region in bytes.","type":"integer","minimum":0},"snippet":{"description":"The portion of the artifact contents within the specified region.","$ref":"#/definitions/artifactContent"},"message":{"description":"A message relevant to the region.","$ref":"#/definitions/message"},"sourceLanguage":{"description":"Specifies the source language, if any, of the portion of the artifact specified by the region object.","type":"string"},"properties":{"description":"Key/value pairs that provide additional information about the region.","$ref":"#/definitions/propertyBag"}}},"replacement":{"description":"The replacement of a single region of an artifact.","additionalProperties":false,"type":"object","properties":{"deletedRegion":{"description":"The region of the artifact to delete.","$ref":"#/definitions/region"},"insertedContent":{"description":"The content to insert at the location specified by the \'deletedRegion\' property.","$ref":"#/definitions/artifactContent"},"properties":{"description":"Key/value pairs that provide additional information about the replacement.","$ref":"#/definitions/propertyBag"}},"required":["deletedRegion"]},"reportingDescriptor":{"description":"Metadata that describes a specific report produced by the tool, as part of the analysis it provides or its runtime reporting.","additionalProperties":false,"type":"object","properties":{"id":{"description":"A stable, opaque identifier for the report.","type":"string"},"deprecatedIds":{"description":"An array of stable, opaque identifiers by which this report was known in some previous version of the analysis tool.","type":"array","minItems":0,"uniqueItems":true,"items":{"type":"string"}},"guid":{"description":"A unique identifer for the reporting descriptor in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"deprecatedGuids":{"description":"An array of unique identifies in the form of a GUID by which this report was known in some previous version of the analysis tool.","type":"array","minItems":0,"uniqueItems":true,"items":{"type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"}},"name":{"description":"A report identifier that is understandable to an end user.","type":"string"},"deprecatedNames":{"description":"An array of readable identifiers by which this report was known in some previous version of the analysis tool.","type":"array","minItems":0,"uniqueItems":true,"items":{"type":"string"}},"shortDescription":{"description":"A concise description of the report. Should be a single sentence that is understandable when visible space is limited to a single line of text.","$ref":"#/definitions/multiformatMessageString"},"fullDescription":{"description":"A description of the report. Should, as far as possible, provide details sufficient to enable resolution of any problem indicated by the result.","$ref":"#/definitions/multiformatMessageString"},"messageStrings":{"description":"A set of name/value pairs with arbitrary names. Each value is a multiformatMessageString object, which holds message strings in plain text and (optionally) Markdown format. The strings can include placeholders, which can be used to construct a message in combination with an arbitrary number of additional string arguments.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"defaultConfiguration":{"description":"Default reporting configuration information.","$ref":"#/definitions/reportingConfiguration"},"helpUri":{"description":"A URI where the primary documentation for the report can be found.","type":"string","format":"uri"},"help":{"description":"Provides the primary documentation for the report, useful when there is no online documentation.","$ref":"#/definitions/multiformatMessageString"},"relationships":{"description":"An array of objects that describe relationships between this reporting descriptor and others.","type":"array","default":[],"minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/reportingDescriptorRelationship"}},"properties":{"description":"Key/value pairs that provide additional information about the report.","$ref":"#/definitions/propertyBag"}},"required":["id"]},"reportingConfiguration":{"description":"Information about a rule or notification that can be configured at runtime.","type":"object","additionalProperties":false,"properties":{"enabled":{"description":"Specifies whether the report may be produced during the scan.","type":"boolean","default":true},"level":{"description":"Specifies the failure level for the report.","default":"warning","enum":["none","note","warning","error"]},"rank":{"description":"Specifies the relative priority of the report. Used for analysis output only.","type":"number","default":-1,"minimum":-1,"maximum":100},"parameters":{"description":"Contains configuration information specific to a report.","$ref":"#/definitions/propertyBag"},"properties":{"description":"Key/value pairs that provide additional information about the reporting configuration.","$ref":"#/definitions/propertyBag"}}},"reportingDescriptorReference":{"description":"Information about how to locate a relevant reporting descriptor.","type":"object","additionalProperties":false,"properties":{"id":{"description":"The id of the descriptor.","type":"string"},"index":{"description":"The index into an array of descriptors in toolComponent.ruleDescriptors, toolComponent.notificationDescriptors, or toolComponent.taxonomyDescriptors, depending on context.","type":"integer","default":-1,"minimum":-1},"guid":{"description":"A guid that uniquely identifies the descriptor.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"toolComponent":{"description":"A reference used to locate the toolComponent associated with the descriptor.","$ref":"#/definitions/toolComponentReference"},"properties":{"description":"Key/value pairs that provide additional information about the reporting descriptor reference.","$ref":"#/definitions/propertyBag"}},"anyOf":[{"required":["index"]},{"required":["guid"]},{"required":["id"]}]},"reportingDescriptorRelationship":{"description":"Information about the relation of one reporting descriptor to another.","type":"object","additionalProperties":false,"properties":{"target":{"description":"A reference to the related reporting descriptor.","$ref":"#/definitions/reportingDescriptorReference"},"kinds":{"description":"A set of distinct strings that categorize the relationship. Well-known kinds include \'canPrecede\', \'canFollow\', \'willPrecede\', \'willFollow\', \'superset\', \'subset\', \'equal\', \'disjoint\', \'relevant\', and \'incomparable\'.","type":"array","default":["relevant"],"uniqueItems":true,"items":{"type":"string"}},"description":{"description":"A description of the reporting descriptor relationship.","$ref":"#/definitions/message"},"properties":{"description":"Key/value pairs that provide additional information about the reporting descriptor reference.","$ref":"#/definitions/propertyBag"}},"required":["target"]},"result":{"description":"A result produced by an analysis tool.","additionalProperties":false,"type":"object","properties":{"ruleId":{"description":"The stable, unique identifier of the rule, if any, to which this notification is relevant. This member can be used to retrieve rule metadata from the rules dictionary, if it exists.","type":"string"},"ruleIndex":{"description":"The index within the tool component rules array of the rule object associated with this result.","type":"integer","default":-1,"minimum":-1},"rule":{"description":"A reference used to locate the rule descriptor relevant to this result.","$ref":"#/definitions/reportingDescriptorReference"},"kind":{"description":"A value that categorizes results by evaluation state.","default":"fail","enum":["notApplicable","pass","fail","review","open","informational"]},"level":{"description":"A value specifying the severity level of the result.","default":"warning","enum":["none","note","warning","error"]},"message":{"description":"A message that describes the result. The first sentence of the message only will be displayed when visible space is limited.","$ref":"#/definitions/message"},"analysisTarget":{"description":"Identifies the artifact that the analysis tool was instructed to scan. This need not be the same as the artifact where the result actually occurred.","$ref":"#/definitions/artifactLocation"},"locations":{"description":"The set of locations where the result was detected. Specify only one location unless the problem indicated by the result can only be corrected by making a change at every specified location.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/location"}},"guid":{"description":"A stable, unique identifer for the result in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"correlationGuid":{"description":"A stable, unique identifier for the equivalence class of logically identical results to which this result belongs, in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"occurrenceCount":{"description":"A positive integer specifying the number of times this logically unique result was observed in this run.","type":"integer","minimum":1},"partialFingerprints":{"description":"A set of strings that contribute to the stable, unique identity of the result.","type":"object","additionalProperties":{"type":"string"}},"fingerprints":{"description":"A set of strings each of which individually defines a stable, unique identity for the result.","type":"object","additionalProperties":{"type":"string"}},"stacks":{"description":"An array of \'stack\' objects relevant to the result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/stack"}},"codeFlows":{"description":"An array of \'codeFlow\' objects relevant to the result.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/codeFlow"}},"graphs":{"description":"An array of zero or more unique graph objects associated with the result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/graph"}},"graphTraversals":{"description":"An array of one or more unique \'graphTraversal\' objects.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/graphTraversal"}},"relatedLocations":{"description":"A set of locations relevant to this result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/location"}},"suppressions":{"description":"A set of suppressions relevant to this result.","type":"array","minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/suppression"}},"baselineState":{"description":"The state of a result relative to a baseline of a previous run.","enum":["new","unchanged","updated","absent"]},"rank":{"description":"A number representing the priority or importance of the result.","type":"number","default":-1,"minimum":-1,"maximum":100},"attachments":{"description":"A set of artifacts relevant to the result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/attachment"}},"hostedViewerUri":{"description":"An absolute URI at which the result can be viewed.","type":"string","format":"uri"},"workItemUris":{"description":"The URIs of the work items associated with this result.","type":"array","minItems":0,"uniqueItems":true,"items":{"type":"string","format":"uri"}},"provenance":{"description":"Information about how and when the result was detected.","$ref":"#/definitions/resultProvenance"},"fixes":{"description":"An array of \'fix\' objects, each of which represents a proposed fix to the problem indicated by the result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/fix"}},"taxa":{"description":"An array of references to taxonomy reporting descriptors that are applicable to the result.","type":"array","default":[],"minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/reportingDescriptorReference"}},"webRequest":{"description":"A web request associated with this result.","$ref":"#/definitions/webRequest"},"webResponse":{"description":"A web response associated with this result.","$ref":"#/definitions/webResponse"},"properties":{"description":"Key/value pairs that provide additional information about the result.","$ref":"#/definitions/propertyBag"}},"required":["message"]},"resultProvenance":{"description":"Contains information about how and when a result was detected.","additionalProperties":false,"type":"object","properties":{"firstDetectionTimeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which the result was first detected. See \\"Date/time properties\\" in the SARIF spec for the required format.","type":"string","format":"date-time"},"lastDetectionTimeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which the result was most recently detected. See \\"Date/time properties\\" in the SARIF spec for the required format.","type":"string","format":"date-time"},"firstDetectionRunGuid":{"description":"A GUID-valued string equal to the automationDetails.guid property of the run in which the result was first detected.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"lastDetectionRunGuid":{"description":"A GUID-valued string equal to the automationDetails.guid property of the run in which the result was most recently detected.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"invocationIndex":{"description":"The index within the run.invocations array of the invocation object which describes the tool invocation that detected the result.","type":"integer","default":-1,"minimum":-1},"conversionSources":{"description":"An array of physicalLocation objects which specify the portions of an analysis tool\'s output that a converter transformed into the result.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/physicalLocation"}},"properties":{"description":"Key/value pairs that provide additional information about the result.","$ref":"#/definitions/propertyBag"}}},"run":{"description":"Describes a single run of an analysis tool, and contains the reported output of that run.","additionalProperties":false,"type":"object","properties":{"tool":{"description":"Information about the tool or tool pipeline that generated the results in this run. A run can only contain results produced by a single tool or tool pipeline. A run can aggregate results from multiple log files, as long as context around the tool run (tool command-line arguments and the like) is identical for all aggregated files.","$ref":"#/definitions/tool"},"invocations":{"description":"Describes the invocation of the analysis tool.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/invocation"}},"conversion":{"description":"A conversion object that describes how a converter transformed an analysis tool\'s native reporting format into the SARIF format.","$ref":"#/definitions/conversion"},"language":{"description":"The language of the messages emitted into the log file during this run (expressed as an ISO 639-1 two-letter lowercase culture code) and an optional region (expressed as an ISO 3166-1 two-letter uppercase subculture code associated with a country or region). The casing is recommended but not required (in order for this data to conform to RFC5646).","type":"string","default":"en-US","pattern":"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$"},"versionControlProvenance":{"description":"Specifies the revision in version control of the artifacts that were scanned.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/versionControlDetails"}},"originalUriBaseIds":{"description":"The artifact location specified by each uriBaseId symbol on the machine where the tool originally ran.","type":"object","additionalProperties":{"$ref":"#/definitions/artifactLocation"}},"artifacts":{"description":"An array of artifact objects relevant to the run.","type":"array","minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/artifact"}},"logicalLocations":{"description":"An array of logical locations such as namespaces, types or functions.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/logicalLocation"}},"graphs":{"description":"An array of zero or more unique graph objects associated with the run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/graph"}},"results":{"description":"The set of results contained in an SARIF log. The results array can be omitted when a run is solely exporting rules metadata. It must be present (but may be empty) if a log file represents an actual scan.","type":"array","minItems":0,"uniqueItems":false,"items":{"$ref":"#/definitions/result"}},"automationDetails":{"description":"Automation details that describe this run.","$ref":"#/definitions/runAutomationDetails"},"runAggregates":{"description":"Automation details that describe the aggregate of runs to which this run belongs.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/runAutomationDetails"}},"baselineGuid":{"description":"The \'guid\' property of a previous SARIF \'run\' that comprises the baseline that was used to compute result \'baselineState\' properties for the run.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"redactionTokens":{"description":"An array of strings used to replace sensitive information in a redaction-aware property.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"type":"string"}},"defaultEncoding":{"description":"Specifies the default encoding for any artifact object that refers to a text file.","type":"string"},"defaultSourceLanguage":{"description":"Specifies the default source language for any artifact object that refers to a text file that contains source code.","type":"string"},"newlineSequences":{"description":"An ordered list of character sequences that were treated as line breaks when computing region information for the run.","type":"array","minItems":1,"uniqueItems":true,"default":["\\r\\n","\\n"],"items":{"type":"string"}},"columnKind":{"description":"Specifies the unit in which the tool measures columns.","enum":["utf16CodeUnits","unicodeCodePoints"]},"externalPropertyFileReferences":{"description":"References to external property files that should be inlined with the content of a root log file.","$ref":"#/definitions/externalPropertyFileReferences"},"threadFlowLocations":{"description":"An array of threadFlowLocation objects cached at run level.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/threadFlowLocation"}},"taxonomies":{"description":"An array of toolComponent objects relevant to a taxonomy in which results are categorized.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"addresses":{"description":"Addresses associated with this run instance, if any.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"$ref":"#/definitions/address"}},"translations":{"description":"The set of available translations of the localized data provided by the tool.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"policies":{"description":"Contains configurations that may potentially override both reportingDescriptor.defaultConfiguration (the tool\'s default severities) and invocation.configurationOverrides (severities established at run-time from the command line).","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"webRequests":{"description":"An array of request objects cached at run level.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/webRequest"}},"webResponses":{"description":"An array of response objects cached at run level.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/webResponse"}},"specialLocations":{"description":"A specialLocations object that defines locations of special significance to SARIF consumers.","$ref":"#/definitions/specialLocations"},"properties":{"description":"Key/value pairs that provide additional information about the run.","$ref":"#/definitions/propertyBag"}},"required":["tool"]},"runAutomationDetails":{"description":"Information that describes a run\'s identity and role within an engineering system process.","additionalProperties":false,"type":"object","properties":{"description":{"description":"A description of the identity and role played within the engineering system by this object\'s containing run object.","$ref":"#/definitions/message"},"id":{"description":"A hierarchical string that uniquely identifies this object\'s containing run object.","type":"string"},"guid":{"description":"A stable, unique identifer for this object\'s containing run object in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"correlationGuid":{"description":"A stable, unique identifier for the equivalence class of runs to which this object\'s containing run object belongs in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"properties":{"description":"Key/value pairs that provide additional information about the run automation details.","$ref":"#/definitions/propertyBag"}}},"specialLocations":{"description":"Defines locations of special significance to SARIF consumers.","type":"object","additionalProperties":false,"properties":{"displayBase":{"description":"Provides a suggestion to SARIF consumers to display file paths relative to the specified location.","$ref":"#/definitions/artifactLocation"},"properties":{"description":"Key/value pairs that provide additional information about the special locations.","$ref":"#/definitions/propertyBag"}}},"stack":{"description":"A call stack that is relevant to a result.","additionalProperties":false,"type":"object","properties":{"message":{"description":"A message relevant to this call stack.","$ref":"#/definitions/message"},"frames":{"description":"An array of stack frames that represents a sequence of calls, rendered in reverse chronological order, that comprise the call stack.","type":"array","minItems":0,"uniqueItems":false,"items":{"$ref":"#/definitions/stackFrame"}},"properties":{"description":"Key/value pairs that provide additional information about the stack.","$ref":"#/definitions/propertyBag"}},"required":["frames"]},"stackFrame":{"description":"A function call within a stack trace.","additionalProperties":false,"type":"object","properties":{"location":{"description":"The location to which this stack frame refers.","$ref":"#/definitions/location"},"module":{"description":"The name of the module that contains the code of this stack frame.","type":"string"},"threadId":{"description":"The thread identifier of the stack frame.","type":"integer"},"parameters":{"description":"The parameters of the call that is executing.","type":"array","minItems":0,"uniqueItems":false,"default":[],"items":{"type":"string","default":[]}},"properties":{"description":"Key/value pairs that provide additional information about the stack frame.","$ref":"#/definitions/propertyBag"}}},"suppression":{"description":"A suppression that is relevant to a result.","additionalProperties":false,"type":"object","properties":{"guid":{"description":"A stable, unique identifer for the suprression in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"kind":{"description":"A string that indicates where the suppression is persisted.","enum":["inSource","external"]},"state":{"description":"A string that indicates the state of the suppression.","enum":["accepted","underReview","rejected"]},"justification":{"description":"A string representing the justification for the suppression.","type":"string"},"location":{"description":"Identifies the location associated with the suppression.","$ref":"#/definitions/location"},"properties":{"description":"Key/value pairs that provide additional information about the suppression.","$ref":"#/definitions/propertyBag"}},"required":["kind"]},"threadFlow":{"description":"Describes a sequence of code locations that specify a path through a single thread of execution such as an operating system or fiber.","type":"object","additionalProperties":false,"properties":{"id":{"description":"An string that uniquely identifies the threadFlow within the codeFlow in which it occurs.","type":"string"},"message":{"description":"A message relevant to the thread flow.","$ref":"#/definitions/message"},"initialState":{"description":"Values of relevant expressions at the start of the thread flow that may change during thread flow execution.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"immutableState":{"description":"Values of relevant expressions at the start of the thread flow that remain constant.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"locations":{"description":"A temporally ordered array of \'threadFlowLocation\' objects, each of which describes a location visited by the tool while producing the result.","type":"array","minItems":1,"uniqueItems":false,"items":{"$ref":"#/definitions/threadFlowLocation"}},"properties":{"description":"Key/value pairs that provide additional information about the thread flow.","$ref":"#/definitions/propertyBag"}},"required":["locations"]},"threadFlowLocation":{"description":"A location visited by an analysis tool while simulating or monitoring the execution of a program.","additionalProperties":false,"type":"object","properties":{"index":{"description":"The index within the run threadFlowLocations array.","type":"integer","default":-1,"minimum":-1},"location":{"description":"The code location.","$ref":"#/definitions/location"},"stack":{"description":"The call stack leading to this location.","$ref":"#/definitions/stack"},"kinds":{"description":"A set of distinct strings that categorize the thread flow location. Well-known kinds include \'acquire\', \'release\', \'enter\', \'exit\', \'call\', \'return\', \'branch\', \'implicit\', \'false\', \'true\', \'caution\', \'danger\', \'unknown\', \'unreachable\', \'taint\', \'function\', \'handler\', \'lock\', \'memory\', \'resource\', \'scope\' and \'value\'.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"type":"string"}},"taxa":{"description":"An array of references to rule or taxonomy reporting descriptors that are applicable to the thread flow location.","type":"array","default":[],"minItems":0,"uniqueItems":true,"items":{"$ref":"#/definitions/reportingDescriptorReference"}},"module":{"description":"The name of the module that contains the code that is executing.","type":"string"},"state":{"description":"A dictionary, each of whose keys specifies a variable or expression, the associated value of which represents the variable or expression value. For an annotation of kind \'continuation\', for example, this dictionary might hold the current assumed values of a set of global variables.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"nestingLevel":{"description":"An integer representing a containment hierarchy within the thread flow.","type":"integer","minimum":0},"executionOrder":{"description":"An integer representing the temporal order in which execution reached this location.","type":"integer","default":-1,"minimum":-1},"executionTimeUtc":{"description":"The Coordinated Universal Time (UTC) date and time at which this location was executed.","type":"string","format":"date-time"},"importance":{"description":"Specifies the importance of this location in understanding the code flow in which it occurs. The order from most to least important is \\"essential\\", \\"important\\", \\"unimportant\\". Default: \\"important\\".","enum":["important","essential","unimportant"],"default":"important"},"webRequest":{"description":"A web request associated with this thread flow location.","$ref":"#/definitions/webRequest"},"webResponse":{"description":"A web response associated with this thread flow location.","$ref":"#/definitions/webResponse"},"properties":{"description":"Key/value pairs that provide additional information about the threadflow location.","$ref":"#/definitions/propertyBag"}}},"tool":{"description":"The analysis tool that was run.","additionalProperties":false,"type":"object","properties":{"driver":{"description":"The analysis tool that was run.","$ref":"#/definitions/toolComponent"},"extensions":{"description":"Tool extensions that contributed to or reconfigured the analysis tool that was run.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponent"}},"properties":{"description":"Key/value pairs that provide additional information about the tool.","$ref":"#/definitions/propertyBag"}},"required":["driver"]},"toolComponent":{"description":"A component, such as a plug-in or the driver, of the analysis tool that was run.","additionalProperties":false,"type":"object","properties":{"guid":{"description":"A unique identifer for the tool component in the form of a GUID.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"name":{"description":"The name of the tool component.","type":"string"},"organization":{"description":"The organization or company that produced the tool component.","type":"string"},"product":{"description":"A product suite to which the tool component belongs.","type":"string"},"productSuite":{"description":"A localizable string containing the name of the suite of products to which the tool component belongs.","type":"string"},"shortDescription":{"description":"A brief description of the tool component.","$ref":"#/definitions/multiformatMessageString"},"fullDescription":{"description":"A comprehensive description of the tool component.","$ref":"#/definitions/multiformatMessageString"},"fullName":{"description":"The name of the tool component along with its version and any other useful identifying information, such as its locale.","type":"string"},"version":{"description":"The tool component version, in whatever format the component natively provides.","type":"string"},"semanticVersion":{"description":"The tool component version in the format specified by Semantic Versioning 2.0.","type":"string"},"dottedQuadFileVersion":{"description":"The binary version of the tool component\'s primary executable file expressed as four non-negative integers separated by a period (for operating systems that express file versions in this way).","type":"string","pattern":"[0-9]+(\\\\.[0-9]+){3}"},"releaseDateUtc":{"description":"A string specifying the UTC date (and optionally, the time) of the component\'s release.","type":"string"},"downloadUri":{"description":"The absolute URI from which the tool component can be downloaded.","type":"string","format":"uri"},"informationUri":{"description":"The absolute URI at which information about this version of the tool component can be found.","type":"string","format":"uri"},"globalMessageStrings":{"description":"A dictionary, each of whose keys is a resource identifier and each of whose values is a multiformatMessageString object, which holds message strings in plain text and (optionally) Markdown format. The strings can include placeholders, which can be used to construct a message in combination with an arbitrary number of additional string arguments.","type":"object","additionalProperties":{"$ref":"#/definitions/multiformatMessageString"}},"notifications":{"description":"An array of reportingDescriptor objects relevant to the notifications related to the configuration and runtime execution of the tool component.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/reportingDescriptor"}},"rules":{"description":"An array of reportingDescriptor objects relevant to the analysis performed by the tool component.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/reportingDescriptor"}},"taxa":{"description":"An array of reportingDescriptor objects relevant to the definitions of both standalone and tool-defined taxonomies.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/reportingDescriptor"}},"locations":{"description":"An array of the artifactLocation objects associated with the tool component.","type":"array","minItems":0,"default":[],"items":{"$ref":"#/definitions/artifactLocation"}},"language":{"description":"The language of the messages emitted into the log file during this run (expressed as an ISO 639-1 two-letter lowercase language code) and an optional region (expressed as an ISO 3166-1 two-letter uppercase subculture code associated with a country or region). The casing is recommended but not required (in order for this data to conform to RFC5646).","type":"string","default":"en-US","pattern":"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}?$"},"contents":{"description":"The kinds of data contained in this object.","type":"array","uniqueItems":true,"default":["localizedData","nonLocalizedData"],"items":{"enum":["localizedData","nonLocalizedData"]}},"isComprehensive":{"description":"Specifies whether this object contains a complete definition of the localizable and/or non-localizable data for this component, as opposed to including only data that is relevant to the results persisted to this log file.","type":"boolean","default":false},"localizedDataSemanticVersion":{"description":"The semantic version of the localized strings defined in this component; maintained by components that provide translations.","type":"string"},"minimumRequiredLocalizedDataSemanticVersion":{"description":"The minimum value of localizedDataSemanticVersion required in translations consumed by this component; used by components that consume translations.","type":"string"},"associatedComponent":{"description":"The component which is strongly associated with this component. For a translation, this refers to the component which has been translated. For an extension, this is the driver that provides the extension\'s plugin model.","$ref":"#/definitions/toolComponentReference"},"translationMetadata":{"description":"Translation metadata, required for a translation, not populated by other component types.","$ref":"#/definitions/translationMetadata"},"supportedTaxonomies":{"description":"An array of toolComponentReference objects to declare the taxonomies supported by the tool component.","type":"array","minItems":0,"uniqueItems":true,"default":[],"items":{"$ref":"#/definitions/toolComponentReference"}},"properties":{"description":"Key/value pairs that provide additional information about the tool component.","$ref":"#/definitions/propertyBag"}},"required":["name"]},"toolComponentReference":{"description":"Identifies a particular toolComponent object, either the driver or an extension.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The \'name\' property of the referenced toolComponent.","type":"string"},"index":{"description":"An index into the referenced toolComponent in tool.extensions.","type":"integer","default":-1,"minimum":-1},"guid":{"description":"The \'guid\' property of the referenced toolComponent.","type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"},"properties":{"description":"Key/value pairs that provide additional information about the toolComponentReference.","$ref":"#/definitions/propertyBag"}}},"translationMetadata":{"description":"Provides additional metadata related to translation.","type":"object","additionalProperties":false,"properties":{"name":{"description":"The name associated with the translation metadata.","type":"string"},"fullName":{"description":"The full name associated with the translation metadata.","type":"string"},"shortDescription":{"description":"A brief description of the translation metadata.","$ref":"#/definitions/multiformatMessageString"},"fullDescription":{"description":"A comprehensive description of the translation metadata.","$ref":"#/definitions/multiformatMessageString"},"downloadUri":{"description":"The absolute URI from which the translation metadata can be downloaded.","type":"string","format":"uri"},"informationUri":{"description":"The absolute URI from which information related to the translation metadata can be downloaded.","type":"string","format":"uri"},"properties":{"description":"Key/value pairs that provide additional information about the translation metadata.","$ref":"#/definitions/propertyBag"}},"required":["name"]},"versionControlDetails":{"description":"Specifies the information necessary to retrieve a desired revision from a version control system.","type":"object","additionalProperties":false,"properties":{"repositoryUri":{"description":"The absolute URI of the repository.","type":"string","format":"uri"},"revisionId":{"description":"A string that uniquely and permanently identifies the revision within the repository.","type":"string"},"branch":{"description":"The name of a branch containing the revision.","type":"string"},"revisionTag":{"description":"A tag that has been applied to the revision.","type":"string"},"asOfTimeUtc":{"description":"A Coordinated Universal Time (UTC) date and time that can be used to synchronize an enlistment to the state of the repository at that time.","type":"string","format":"date-time"},"mappedTo":{"description":"The location in the local file system to which the root of the repository was mapped at the time of the analysis.","$ref":"#/definitions/artifactLocation"},"properties":{"description":"Key/value pairs that provide additional information about the version control details.","$ref":"#/definitions/propertyBag"}},"required":["repositoryUri"]},"webRequest":{"description":"Describes an HTTP request.","type":"object","additionalProperties":false,"properties":{"index":{"description":"The index within the run.webRequests array of the request object associated with this result.","type":"integer","default":-1,"minimum":-1},"protocol":{"description":"The request protocol. Example: \'http\'.","type":"string"},"version":{"description":"The request version. Example: \'1.1\'.","type":"string"},"target":{"description":"The target of the request.","type":"string"},"method":{"description":"The HTTP method. Well-known values are \'GET\', \'PUT\', \'POST\', \'DELETE\', \'PATCH\', \'HEAD\', \'OPTIONS\', \'TRACE\', \'CONNECT\'.","type":"string"},"headers":{"description":"The request headers.","type":"object","additionalProperties":{"type":"string"}},"parameters":{"description":"The request parameters.","type":"object","additionalProperties":{"type":"string"}},"body":{"description":"The body of the request.","$ref":"#/definitions/artifactContent"},"properties":{"description":"Key/value pairs that provide additional information about the request.","$ref":"#/definitions/propertyBag"}}},"webResponse":{"description":"Describes the response to an HTTP request.","type":"object","additionalProperties":false,"properties":{"index":{"description":"The index within the run.webResponses array of the response object associated with this result.","type":"integer","default":-1,"minimum":-1},"protocol":{"description":"The response protocol. Example: \'http\'.","type":"string"},"version":{"description":"The response version. Example: \'1.1\'.","type":"string"},"statusCode":{"description":"The response status code. Example: 451.","type":"integer"},"reasonPhrase":{"description":"The response reason. Example: \'Not found\'.","type":"string"},"headers":{"description":"The response headers.","type":"object","additionalProperties":{"type":"string"}},"body":{"description":"The body of the response.","$ref":"#/definitions/artifactContent"},"noResponseReceived":{"description":"Specifies whether a response was received from the server.","type":"boolean","default":false},"properties":{"description":"Key/value pairs that provide additional information about the response.","$ref":"#/definitions/propertyBag"}}}}}');
;// CONCATENATED MODULE: ./lib/report/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer), built from a SarifReport.
 * The whole log passes through the run's Redactor, and writeSarif() refuses to write a log the
 * official schema rejects: a broken upload fails late and far away, a schema error here names the
 * field.
 *
 * The schema (lib/report/sarif-schema-2.1.0.json) is the official OASIS SARIF 2.1.0 JSON schema
 * (draft-07, (c) OASIS Open, OASIS IPR Policy), vendored unchanged but for a `$comment` naming its
 * origin: it was taken from the npm package @datadog/datadog-ci-plugin-sarif@5.25.0 (Apache-2.0),
 * which embeds it; no npm package ships the draft-07 schema as a file (@microsoft/jest-sarif ships
 * only the pre-release 2.1.0-rtm.5 in draft-04, which ajv 8 does not read).
 */





// ajv-formats is CommonJS; under ESM its default export can arrive wrapped once more.
const addFormats = ((dist_default())["default"] ??
    (dist_default()));
const SARIF_VERSION = '2.1.0';
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The uriBaseId every artifact location is relative to (the repository root, in code scanning). */
const SRCROOT = 'SRCROOT';
/** Key under partialFingerprints; versioned so a change of fingerprint scheme is not read as new alerts. */
const FINGERPRINT_KEY = 'summitOps/v1';
class SarifValidationError extends Error {
    violations;
    constructor(what, violations) {
        const shown = violations.slice(0, 20);
        const more = violations.length > shown.length ? `\n  … and ${violations.length - shown.length} more` : '';
        super(`${what} is not valid SARIF 2.1.0 (${violations.length} schema violation${violations.length === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}${more}`);
        this.name = 'SarifValidationError';
        this.violations = violations;
    }
}
const LEVELS = { error: 'error', warning: 'warning', notice: 'note' };
/** Our level as SARIF's: notice is SARIF's `note`. */
function toSarifLevel(level) {
    const mapped = LEVELS[level];
    if (!mapped)
        throw new Error(`Unknown level '${String(level)}'; expected error, warning or notice`);
    return mapped;
}
/**
 * Builds the SARIF log. Throws when a finding cites a rule the report does not declare, or a rule
 * id is declared twice: both are bugs in the action, and code scanning would mis-file the result.
 */
function buildSarif(report, redactor, options = {}) {
    // Redact the input first: URI encoding would otherwise turn a secret in a path into a form the
    // redactor does not know, and our own error messages quote rule ids and paths.
    report = redactor.redactDeep(report);
    const ruleIndex = new Map();
    const rules = report.rules.map((rule, index) => {
        if (ruleIndex.has(rule.id))
            throw new Error(`SARIF: rule '${rule.id}' is declared twice in report.rules`);
        ruleIndex.set(rule.id, index);
        return toRule(rule);
    });
    report.findings.forEach((finding, n) => {
        if (!ruleIndex.has(finding.ruleId)) {
            throw new Error(`SARIF: finding #${n + 1} cites rule '${finding.ruleId}', which report.rules does not declare; add a RuleDescriptor for it`);
        }
    });
    const placeable = report.findings.filter((f) => f.location || options.defaultFile);
    const results = placeable.map((finding) => {
        const index = ruleIndex.get(finding.ruleId);
        return toResult(finding, index, report.rules[index], options);
    });
    const driver = { name: report.toolName, rules };
    if (report.toolVersion) {
        driver.version = report.toolVersion;
        if (/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(report.toolVersion))
            driver.semanticVersion = report.toolVersion;
    }
    if (report.informationUri)
        driver.informationUri = report.informationUri;
    const run = { tool: { driver }, results };
    const unplaced = report.findings.length - placeable.length;
    if (unplaced > 0)
        run.properties = { 'summitOps/resultsWithoutLocation': unplaced };
    if (options.workspace)
        run.originalUriBaseIds = { [SRCROOT]: { uri: directoryUri(options.workspace) } };
    const log = { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: [run] };
    return redactor.redactDeep(log);
}
let compiled;
function validator() {
    if (!compiled) {
        // strict: false because the official schema is not written for ajv's strict mode
        // (e.g. `required` names inside anyOf branches without their properties).
        const ajv = new dist_ajv.Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        compiled = ajv.compile(sarif_schema_2_1_0_namespaceObject);
    }
    return compiled;
}
/** Validates any value against the SARIF 2.1.0 schema; each violation reads `<json pointer>: <problem>`. */
function validateSarif(doc) {
    const validate = validator();
    if (validate(doc))
        return { valid: true, errors: [] };
    return { valid: false, errors: formatErrors(validate.errors ?? []) };
}
/** Throws SarifValidationError when `doc` is not valid SARIF. */
function assertValidSarif(doc, what = 'The SARIF log') {
    const { valid, errors } = validateSarif(doc);
    if (!valid)
        throw new SarifValidationError(what, errors);
}
/**
 * Builds, validates and writes the log (atomically: a reader never sees half a file). Throws
 * SarifValidationError listing the violations, and writes nothing, when the log is invalid.
 */
async function writeSarif(path, report, redactor, options = {}) {
    const log = buildSarif(report, redactor, options);
    if (options.validate !== false)
        assertValidSarif(log, `The SARIF log for ${path}`);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temp, `${JSON.stringify(log, null, 2)}\n`, 'utf8');
    await (0,promises_.rename)(temp, path);
    return log;
}
function toRule(rule) {
    const out = {
        id: rule.id,
        shortDescription: { text: rule.shortDescription },
        defaultConfiguration: { level: toSarifLevel(rule.defaultLevel) },
    };
    if (rule.name)
        out.name = rule.name;
    if (rule.fullDescription)
        out.fullDescription = { text: rule.fullDescription };
    if (rule.helpUri)
        out.helpUri = rule.helpUri;
    const properties = {};
    if (rule.tags && rule.tags.length > 0)
        properties['tags'] = [...rule.tags];
    if (rule.securitySeverity !== undefined) {
        if (!(rule.securitySeverity > 0 && rule.securitySeverity <= 10))
            throw new Error(`SARIF: rule '${rule.id}' has security severity ${rule.securitySeverity}; expected 0.1–10`);
        // GitHub reads it as a string property of the rule.
        properties['security-severity'] = rule.securitySeverity.toFixed(1);
    }
    if (Object.keys(properties).length > 0)
        out.properties = properties;
    if (rule.helpMarkdown)
        out.help = { text: rule.fullDescription ?? rule.shortDescription, markdown: rule.helpMarkdown };
    return out;
}
function toResult(finding, ruleIndex, rule, options) {
    const result = {
        ruleId: finding.ruleId,
        ruleIndex,
        level: toSarifLevel(finding.level),
        // SARIF requires message text; an empty one shows as a blank alert.
        message: { text: finding.message || rule.shortDescription },
    };
    const location = finding.location ?? (options.defaultFile ? { file: options.defaultFile, line: 1 } : undefined);
    if (location) {
        const region = {
            startLine: positive(location.line, 'line', finding),
        };
        if (location.column !== undefined)
            region.startColumn = positive(location.column, 'column', finding);
        if (location.endLine !== undefined)
            region.endLine = positive(location.endLine, 'endLine', finding);
        if (location.endColumn !== undefined)
            region.endColumn = positive(location.endColumn, 'endColumn', finding);
        result.locations = [
            {
                physicalLocation: {
                    artifactLocation: { uri: artifactUri(location.file, options.workspace), uriBaseId: SRCROOT },
                    region,
                },
            },
        ];
    }
    if (finding.fingerprint)
        result.partialFingerprints = { [FINGERPRINT_KEY]: finding.fingerprint };
    if (finding.properties && Object.keys(finding.properties).length > 0)
        result.properties = { ...finding.properties };
    return result;
}
function positive(value, field, finding) {
    if (!Number.isInteger(value) || value < 1) {
        throw new Error(`SARIF: finding for rule '${finding.ruleId}' has ${field} ${value}; positions are 1-based integers`);
    }
    return value;
}
/** A relative, forward-slash, percent-encoded URI reference for a workspace file. */
function artifactUri(file, workspace) {
    let path = file.replace(/\\/g, '/');
    if ((0,external_node_path_.isAbsolute)(path) || /^[A-Za-z]:\//.test(path)) {
        const rel = workspace ? (0,external_node_path_.relative)(workspace, file).replace(/\\/g, '/') : undefined;
        if (rel === undefined || rel.startsWith('../') || rel === '..' || (0,external_node_path_.isAbsolute)(rel)) {
            throw new Error(`SARIF: '${file}' is outside the workspace${workspace ? ` (${workspace})` : ''}; locations must be workspace-relative`);
        }
        path = rel;
    }
    path = external_node_path_.posix.normalize(path).replace(/^(\.\/)+/, '');
    if (path === '' || path === '.' || path === '..' || path.startsWith('../') || path.endsWith('/')) {
        throw new Error(`SARIF: '${file}' is not a file inside the workspace; locations must be workspace-relative`);
    }
    return path
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+'))
        .join('/');
}
function directoryUri(dir) {
    const url = new URL(`file://${dir.replace(/\\/g, '/').replace(/^(?=[A-Za-z]:)/, '/')}`);
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
function formatErrors(errors) {
    const out = new Set();
    for (const error of errors) {
        const where = error.instancePath || '/';
        let problem = error.message ?? 'is invalid';
        const params = error.params;
        if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
            problem = `must be one of ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`;
        }
        else if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
            problem = `has unknown property '${params['additionalProperty']}'`;
        }
        else if (error.keyword === 'const') {
            problem = `must be ${JSON.stringify(params['allowedValue'])}`;
        }
        out.add(`${where}: ${problem}`);
    }
    return [...out];
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./lib/digest.ts
/**
 * The one SHA-256 helper: strings are hashed as UTF-8, bytes as they are. Digests identify audit
 * records, policies and files across actions, so every caller must hash the same way.
 */

/** Lowercase hex SHA-256 of `data` (a string is encoded as UTF-8). */
function digest_sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
        .digest('hex');
}

;// CONCATENATED MODULE: ./lib/report/evidence.ts
/**
 * An evidence bundle: a directory an auditor can keep (e.g. as a workflow artifact) holding the
 * machine-readable report, the human summary, any extra files, and manifest.json with each file's
 * SHA-256 and size. The same input always gives byte-identical files (keys and entries sorted), so
 * two runs can be compared by digest, and verifyEvidenceBundle() names every file that was changed,
 * added or removed after writing.
 */



const MANIFEST = 'manifest.json';
/** A signature over manifest.json's digest, written after the manifest and so outside it. */
const MANIFEST_SIGNATURE = 'manifest.sig.json';
const REPORT_JSON = 'report.json';
const REPORT_MD = 'report.md';
const RESERVED = new Set([MANIFEST, REPORT_JSON, REPORT_MD]);
/**
 * Writes the bundle into `dir` (created if needed; it must be empty so no stale file slips into the
 * manifest). Every text is redacted first, so digests cover exactly what is on disk.
 */
async function writeEvidenceBundle(dir, input, redactor) {
    const entries = new Map();
    entries.set(REPORT_JSON, `${stableStringify(redactor.redactDeep(input.report))}\n`);
    entries.set(REPORT_MD, redactor.redact(input.markdown));
    for (const file of input.files ?? []) {
        // Names are text too: they land in the manifest and the file system.
        const name = checkName(redactor.redact(file.name));
        if (RESERVED.has(name))
            throw new Error(`Evidence file '${name}' clashes with the bundle's own ${name}; choose another name`);
        if (entries.has(name))
            throw new Error(`Evidence file '${name}' is given twice`);
        entries.set(name, redactor.redact(file.content));
    }
    await (0,promises_.mkdir)(dir, { recursive: true });
    const existing = await listFiles(dir);
    if (existing.length > 0) {
        throw new Error(`Evidence directory ${dir} is not empty (${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}); use a fresh directory per run`);
    }
    const files = [];
    for (const [name, text] of entries) {
        const bytes = Buffer.from(text, 'utf8');
        const target = (0,external_node_path_.join)(dir, ...name.split('/'));
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,promises_.writeFile)(target, bytes);
        files.push({ path: name, sha256: digest_sha256Hex(bytes), size: bytes.length });
    }
    files.sort((a, b) => compareBytes(a.path, b.path));
    const manifest = { version: 1, algorithm: 'sha256', files };
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, MANIFEST), `${stableStringify(manifest)}\n`);
    return manifest;
}
/**
 * Writes manifest.json over every file already in `dir` (a tree other code filled, such as the main
 * job's bundle of per-gate bundles), so verifyEvidenceBundle() checks the whole tree. Returns the
 * manifest and the SHA-256 of its bytes as written, the digest a signature covers.
 */
async function sealEvidenceDirectory(dir) {
    const files = [];
    for (const path of await listFiles(dir)) {
        if (path === MANIFEST)
            throw new Error(`${join(dir, MANIFEST)} exists already; seal a directory once`);
        const bytes = await readFile(join(dir, ...path.split('/')));
        files.push({ path, sha256: sha256Hex(bytes), size: bytes.length });
    }
    const manifest = { version: 1, algorithm: 'sha256', files };
    const text = `${stableStringify(manifest)}\n`;
    await writeFile(join(dir, MANIFEST), text);
    return { manifest, digest: sha256Hex(text) };
}
/** Recomputes every digest and compares the directory with its manifest. */
async function verifyEvidenceBundle(dir) {
    const result = { ok: false, changed: [], added: [], missing: [] };
    let manifest;
    try {
        manifest = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
    }
    catch (error) {
        const code = error.code;
        result.manifestError =
            code === 'ENOENT'
                ? `${join(dir, MANIFEST)} is missing; this is not an evidence bundle or its manifest was removed`
                : `${join(dir, MANIFEST)} is unreadable: ${error.message}`;
        return result;
    }
    const present = new Set((await listFiles(dir)).filter((p) => p !== MANIFEST && p !== MANIFEST_SIGNATURE));
    for (const entry of manifest.files) {
        if (!present.has(entry.path)) {
            result.missing.push(entry.path);
            continue;
        }
        present.delete(entry.path);
        const bytes = await readFile(join(dir, ...entry.path.split('/')));
        if (bytes.length !== entry.size || sha256Hex(bytes) !== entry.sha256)
            result.changed.push(entry.path);
    }
    result.added = [...present].sort(compareBytes);
    result.changed.sort(compareBytes);
    result.missing.sort(compareBytes);
    result.ok = result.changed.length === 0 && result.added.length === 0 && result.missing.length === 0;
    return result;
}
/** One line for a log or an error: what is wrong with the bundle, or that it is intact. */
function describeVerification(dir, v) {
    if (v.manifestError)
        return `Evidence bundle ${dir}: ${v.manifestError}`;
    if (v.ok)
        return `Evidence bundle ${dir}: all files match manifest.json`;
    const parts = [];
    if (v.changed.length)
        parts.push(`changed: ${v.changed.join(', ')}`);
    if (v.added.length)
        parts.push(`added: ${v.added.join(', ')}`);
    if (v.missing.length)
        parts.push(`missing: ${v.missing.join(', ')}`);
    return `Evidence bundle ${dir} does not match manifest.json (${parts.join('; ')})`;
}
/** JSON with object keys sorted at every depth: the same value always gives the same bytes. */
function stableStringify(value) {
    return JSON.stringify(sortKeys(value), null, 2);
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value && typeof value === 'object' && value.constructor === Object) {
        const out = {};
        for (const key of Object.keys(value).sort(compareBytes))
            out[key] = sortKeys(value[key]);
        return out;
    }
    return value;
}
function parseManifest(text) {
    const data = JSON.parse(text);
    if (data.version !== 1 || data.algorithm !== 'sha256' || !Array.isArray(data.files)) {
        throw new Error('expected {"version": 1, "algorithm": "sha256", "files": [...]}');
    }
    for (const entry of data.files) {
        if (typeof entry?.path !== 'string' ||
            typeof entry.sha256 !== 'string' ||
            typeof entry.size !== 'number') {
            throw new Error('every files[] entry needs path, sha256 and size');
        }
        checkName(entry.path);
    }
    return data;
}
/** A bundle-relative path that cannot escape the bundle. */
function checkName(name) {
    const normal = name.replace(/\\/g, '/');
    const segments = normal.split('/');
    if (!normal ||
        normal.startsWith('/') ||
        /^[A-Za-z]:/.test(normal) ||
        segments.some((s) => s === '' || s === '.' || s === '..') ||
        normal.includes('\0')) {
        throw new Error(`Evidence file name '${name}' must be a relative path inside the bundle (no '..', no leading '/')`);
    }
    return normal;
}
async function listFiles(dir) {
    const entries = await (0,promises_.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => !e.isDirectory())
        .map((e) => (0,external_node_path_.relative)(dir, (0,external_node_path_.join)(e.parentPath, e.name)).split(external_node_path_.sep).join('/'))
        .sort(compareBytes);
}
/** Code-unit order, independent of locale, so manifests sort the same on every machine. */
function compareBytes(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(81260);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/policy/builtins.ts
/**
 * Built-in functions compiled Rego calls that @open-policy-agent/opa-wasm does not implement,
 * supplied to the wasm module with OPA's semantics: time values are nanoseconds since the epoch,
 * a time zone is an IANA name ("" = UTC), weekday names are English and capitalised.
 * `now` is the run's clock, so `time.now_ns()` is the same instant the rest of the run uses.
 */
const WEEKDAYS = (/* unused pure expression or super */ null && (['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']));
const formats = new Map();
function format(zone) {
    let f = formats.get(zone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: zone || 'UTC',
            weekday: 'long',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            hourCycle: 'h23',
        });
        formats.set(zone, f);
    }
    return f;
}
/** OPA's `x` or `[x, tz]` argument form. */
function nsAndZone(arg, name) {
    const [ns, zone] = Array.isArray(arg) ? arg : [arg, ''];
    if (typeof ns !== 'number' || !Number.isFinite(ns))
        throw new Error(`${name}: expected nanoseconds`);
    if (typeof zone !== 'string')
        throw new Error(`${name}: the time zone must be a string`);
    // Go's time.LoadLocation("Local") is the machine's zone; a policy must not depend on the runner.
    if (zone === 'Local')
        throw new Error(`${name}: time zone "Local" differs per machine; name the zone`);
    return { ms: Math.floor(ns / 1_000_000), zone };
}
function parts(arg, name) {
    const { ms, zone } = nsAndZone(arg, name);
    let out;
    try {
        out = format(zone).formatToParts(new Date(ms));
    }
    catch {
        throw new Error(`${name}: unknown time zone '${zone}'`);
    }
    const get = (type) => out.find((p) => p.type === type)?.value ?? '';
    return {
        weekday: get('weekday'),
        year: Number(get('year')),
        month: Number(get('month')),
        day: Number(get('day')),
        hour: Number(get('hour')),
        minute: Number(get('minute')),
        second: Number(get('second')),
    };
}
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
function opaTimeBuiltins(now) {
    return {
        'time.now_ns': () => now().getTime() * 1_000_000,
        'time.parse_rfc3339_ns': (value) => {
            const m = typeof value === 'string' ? RFC3339.exec(value) : null;
            const ms = m ? Date.parse(value) : Number.NaN;
            if (!m || Number.isNaN(ms) || new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() !== +m[3])
                throw new Error(`time.parse_rfc3339_ns: '${String(value).slice(0, 40)}' is not an RFC 3339 time`);
            const fraction = m[7] ? Number(m[7].slice(1).padEnd(9, '0')) : 0;
            return Math.floor(ms / 1000) * 1_000_000_000 + fraction;
        },
        'time.weekday': (arg) => parts(arg, 'time.weekday').weekday,
        'time.clock': (arg) => {
            const p = parts(arg, 'time.clock');
            return [p.hour, p.minute, p.second];
        },
        'time.date': (arg) => {
            const p = parts(arg, 'time.date');
            return [p.year, p.month, p.day];
        },
    };
}
const WEEKDAY_NAMES = (/* unused pure expression or super */ null && (WEEKDAYS));

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(16698);
;// CONCATENATED MODULE: ./lib/policy/decision-log.ts
/**
 * Decision-log entries in OPA's format (https://www.openpolicyagent.org/docs/management-decision-logs):
 * decision_id, path, result, timestamp, bundles.<name>.revision, labels — with the input's SHA-256
 * (`input_sha256`) instead of the input itself, so an entry can be kept as evidence without
 * copying what the input held (reasons, tokens' subjects) into it.
 */




function decisionLogEntry(e) {
    return {
        labels: { app: e.app, type: 'summit-ops' },
        decision_id: (0,external_node_crypto_.randomUUID)(),
        path: e.path,
        input_sha256: digest_sha256Hex(stableStringify(e.input ?? null)),
        result: e.result,
        timestamp: e.now.toISOString(),
        bundles: { policy: { revision: e.revision } },
    };
}
/** The evidence file holding a run's decision log (JSON Lines, one entry per evaluation). */
function decisionLogFile(entries) {
    return { name: 'decision-log.jsonl', content: entries.map((e) => `${JSON.stringify(e)}\n`).join('') };
}
const sink = new external_node_async_hooks_.AsyncLocalStorage();
/**
 * Runs `fn` collecting the decision-log entry of every policy evaluation made inside it (however
 * deep: the gate's code need not pass a log around), for the run's evidence bundle.
 */
async function collectDecisions(fn) {
    const decisions = [];
    const value = await sink.run(decisions, fn);
    return { value, decisions };
}
/** Adds an entry to the collection of the enclosing collectDecisions(), if any. */
function recordDecision(entry) {
    sink.getStore()?.push(entry);
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./lib/policy/tar.ts
/**
 * A tiny reader for the tarballs `opa build` writes (bundle.tar.gz): ustar headers, GNU long names
 * and PAX `path` records. Pure: bytes in, entries out. opa-wasm does not read bundles itself, and a
 * dependency for ~60 lines of format is not worth its supply-chain cost.
 */

class TarError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarError';
    }
}
const BLOCK = 512;
function cString(bytes, start, length) {
    const slice = bytes.subarray(start, start + length);
    const nul = slice.indexOf(0);
    return Buffer.from(nul < 0 ? slice : slice.subarray(0, nul)).toString('utf8');
}
function octal(bytes, start, length, what, at) {
    // GNU base-256 for sizes over 8 GiB: high bit of the first byte set. A policy bundle never is.
    if (bytes[start] & 0x80)
        throw new TarError(`tar header at byte ${at}: ${what} uses base-256 encoding (entry too large)`);
    const text = cString(bytes, start, length).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw new TarError(`tar header at byte ${at}: ${what} '${text}' is not octal; the file is not a tar archive`);
    return parseInt(text, 8);
}
function normalise(name) {
    return name.replace(/^(\.?\/)+/, '');
}
function paxPath(record) {
    // PAX records: "<len> key=value\n"; lengths count bytes including themselves.
    const text = Buffer.from(record).toString('utf8');
    let i = 0;
    let path;
    while (i < text.length) {
        const space = text.indexOf(' ', i);
        if (space < 0)
            break;
        const len = Number(text.slice(i, space));
        if (!Number.isInteger(len) || len <= 0)
            break;
        const body = text.slice(space + 1, i + len - 1);
        const eq = body.indexOf('=');
        if (eq > 0 && body.slice(0, eq) === 'path')
            path = body.slice(eq + 1);
        i += len;
    }
    return path;
}
/** Reads a plain (uncompressed) tar archive. */
function readTar(bytes) {
    const entries = [];
    let offset = 0;
    let longName;
    while (offset + BLOCK <= bytes.length) {
        const header = bytes.subarray(offset, offset + BLOCK);
        if (header.every((b) => b === 0))
            break;
        let sum = 0;
        for (let i = 0; i < BLOCK; i++)
            sum += i >= 148 && i < 156 ? 32 : header[i];
        const stored = octal(header, 148, 8, 'checksum', offset);
        if (stored !== sum)
            throw new TarError(`tar header at byte ${offset}: checksum mismatch; the archive is corrupt or not a tar file`);
        const size = octal(header, 124, 12, 'size', offset);
        const type = String.fromCharCode(header[156]);
        const dataStart = offset + BLOCK;
        if (dataStart + size > bytes.length)
            throw new TarError(`tar entry at byte ${offset} claims ${size} bytes but the archive ends first (truncated?)`);
        const data = bytes.subarray(dataStart, dataStart + size);
        const magic = cString(header, 257, 6);
        const prefix = magic.startsWith('ustar') ? cString(header, 345, 155) : '';
        const name = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
        longName = undefined;
        if (type === 'L')
            longName = cString(data, 0, data.length);
        else if (type === 'x')
            longName = paxPath(data);
        else if (type === '0' || type === '\0' || type === '7')
            entries.push({ name: normalise(name), data });
        offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    }
    return entries;
}
const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
const isTar = (bytes) => bytes.length >= 262 && cString(bytes, 257, 5) === 'ustar';
/** Reads a .tar or .tar.gz archive; gzip errors become TarError. */
function readTarball(bytes) {
    if (!isGzip(bytes))
        return readTar(bytes);
    let plain;
    try {
        plain = (0,external_node_zlib_.gunzipSync)(bytes);
    }
    catch (error) {
        throw new TarError(`gzip: ${error.message}`);
    }
    return readTar(plain);
}

;// CONCATENATED MODULE: ./lib/policy/index.ts
/**
 * Custom Rego for the gates, evaluated in-process with @open-policy-agent/opa-wasm:
 * - a policy.wasm, a bundle from `opa build -t wasm` (.tar.gz or .tar; /policy.wasm, /data.json
 *   and the revision in /.manifest), or a folder of .rego files compiled here with `opa build`
 *   when `opa` is on PATH (test files ignored);
 * - the time built-ins opa-wasm lacks supplied from lib/policy/builtins.ts, on the run's clock;
 * - every evaluation returns an OPA decision-log entry (lib/policy/decision-log.ts).
 */









class PolicyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PolicyError';
    }
}
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const isWasm = (b) => b.length >= 4 && WASM_MAGIC.every((m, i) => b[i] === m);
function describeStart(b) {
    const head = Buffer.from(b.subarray(0, 16)).toString('latin1');
    return /^[\x20-\x7e\t\r\n]*$/.test(head)
        ? `text starting '${head.replace(/\s+/g, ' ').slice(0, 16)}'`
        : `bytes ${Buffer.from(b.subarray(0, 4)).toString('hex')}`;
}
/** Splits the file into the wasm module, the bundle's data document and its revision. */
function unpackPolicy(bytes, file, hint) {
    const digest = `sha256:${digest_sha256Hex(bytes)}`;
    if (isWasm(bytes))
        return { wasm: bytes, revision: digest };
    if (!isGzip(bytes) && !isTar(bytes))
        throw new PolicyError(`policy ${file} is neither a wasm module nor an OPA bundle (.tar.gz): found ${describeStart(bytes)}; ${hint}`);
    let entries;
    try {
        entries = readTarball(bytes);
    }
    catch (error) {
        if (error instanceof TarError)
            throw new PolicyError(`policy ${file} is not a readable OPA bundle: ${error.message}; ${hint}`);
        throw error;
    }
    const wasm = entries.find((e) => e.name === 'policy.wasm');
    if (!wasm) {
        const names = entries
            .map((e) => `/${e.name}`)
            .slice(0, 5)
            .join(', ') || 'no files';
        throw new PolicyError(`policy ${file} is a bundle without /policy.wasm (it has ${names}); it was built without -t wasm: ${hint}`);
    }
    if (!isWasm(wasm.data))
        throw new PolicyError(`policy ${file}: /policy.wasm in the bundle is not a wasm module (${describeStart(wasm.data)}); ${hint}`);
    let revision = digest;
    const manifest = entries.find((e) => e.name === '.manifest');
    if (manifest) {
        try {
            const value = JSON.parse(Buffer.from(manifest.data).toString('utf8'));
            if (typeof value.revision === 'string' && value.revision !== '')
                revision = value.revision;
        }
        catch {
            throw new PolicyError(`policy ${file}: /.manifest in the bundle is not JSON`);
        }
    }
    const dataFile = entries.find((e) => e.name === 'data.json');
    if (!dataFile)
        return { wasm: wasm.data, revision };
    try {
        return { wasm: wasm.data, data: JSON.parse(Buffer.from(dataFile.data).toString('utf8')), revision };
    }
    catch (error) {
        throw new PolicyError(`policy ${file}: /data.json in the bundle is not JSON (${error.message})`);
    }
}
/** Opa-wasm throws strings and plain objects as well as Errors. */
function reason(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    if (error && typeof error === 'object' && 'message' in error)
        return String(error.message);
    return String(error);
}
async function policy_loadWasmPolicy(bytes, file, options) {
    const { wasm, data, revision } = unpackPolicy(bytes, file, options.hint);
    const { loadPolicy } = await __webpack_require__.e(/* import() */ 774).then(__webpack_require__.bind(__webpack_require__, 87774));
    let policy;
    try {
        policy = await loadPolicy(wasm, undefined, opaTimeBuiltins(options.now));
    }
    catch (error) {
        throw new PolicyError(`policy ${file} cannot be loaded as an OPA wasm policy: ${reason(error)}; ${options.hint}`);
    }
    const entrypoints = Object.keys((policy.entrypoints ?? {}));
    for (const entrypoint of options.entrypoints)
        if (!entrypoints.includes(entrypoint))
            throw new PolicyError(`policy ${file} has no entrypoint ${entrypoint} (it has ${entrypoints.join(', ') || 'none'}); build with -e ${entrypoint}`);
    const base = data && typeof data === 'object' ? data : {};
    let current;
    const setData = (extra) => {
        const next = extra ? { ...base, ...extra } : base;
        if (next === current)
            return;
        try {
            policy.setData(next);
            current = next;
        }
        catch (error) {
            throw new PolicyError(`policy ${file}: loading the data document failed: ${reason(error)}`);
        }
    };
    if (data !== undefined)
        setData(undefined);
    return {
        file,
        revision,
        entrypoints,
        evaluate(entrypoint, input, extra) {
            setData(extra);
            let resultSet;
            try {
                resultSet = policy.evaluate(input, entrypoint);
            }
            catch (error) {
                throw new PolicyError(`policy ${file}: evaluating ${entrypoint} failed: ${reason(error)}`);
            }
            if (!Array.isArray(resultSet))
                throw new PolicyError(`policy ${file}: ${entrypoint} returned ${JSON.stringify(resultSet)?.slice(0, 80)}, not a result set`);
            const result = resultSet.length === 0 ? undefined : resultSet[0].result;
            const decision = decisionLogEntry({
                path: entrypoint,
                input,
                result,
                revision,
                now: options.now(),
                app: options.app,
            });
            recordDecision(decision);
            return { result, decision };
        },
    };
}
/**
 * Reads a policy file, or compiles a folder of .rego files with `opa build -t wasm` (test files
 * ignored, as the documented command does). Without `opa` on PATH a folder is refused with the
 * command to run instead.
 */
async function loadPolicyPath(absolute, file, options) {
    let info;
    try {
        info = await (0,promises_.stat)(absolute);
    }
    catch (error) {
        const code = error.code;
        throw new PolicyError(code === 'ENOENT'
            ? `policy ${file} not found; ${options.hint}`
            : `policy ${file} cannot be read (${code}); ${options.hint}`);
    }
    if (!info.isDirectory())
        return policy_loadWasmPolicy(await (0,promises_.readFile)(absolute), file, options);
    const out = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'summit-opa-build-'));
    try {
        const bundle = (0,external_node_path_.join)(out, 'bundle.tar.gz');
        const args = [
            'build',
            '-t',
            'wasm',
            ...options.entrypoints.flatMap((e) => ['-e', e]),
            '--ignore',
            '*_test.rego',
            absolute,
            '-o',
            bundle,
        ];
        let result;
        try {
            result = await exec/* getExecOutput */.H('opa', args, { silent: true, ignoreReturnCode: true });
        }
        catch {
            throw new PolicyError(`policy ${file} is a folder of Rego, and compiling it needs \`opa\` on PATH (not found); install it, or build the bundle first: ${options.hint}`);
        }
        if (result.exitCode !== 0)
            throw new PolicyError(`policy ${file}: opa build failed: ${(result.stderr.trim() || result.stdout.trim()).split('\n').slice(0, 6).join(' ') || `exit ${result.exitCode}`}`);
        return await policy_loadWasmPolicy(await (0,promises_.readFile)(bundle), file, options);
    }
    finally {
        await (0,promises_.rm)(out, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./lib/workspace.ts
/**
 * Whether a path stays inside the workspace. Every file an action reads comes from the job's
 * workspace, and a path that leaves it — an input like `/etc/passwd` or `../..`, or a committed
 * symlink pointing outside — is refused before anything is read, so no byte of an outside file
 * can reach a message.
 */



/** Whether `child` is `parent` or below it, comparing the paths as written (no link is followed). */
function isInside(parent, child) {
    const rel = (0,external_node_path_.relative)(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}
let workspaceReal;
async function realWorkspace(workspace) {
    if (workspaceReal?.dir !== workspace)
        workspaceReal = { dir: workspace, real: (0,promises_.realpath)(workspace).catch(() => workspace) };
    return workspaceReal.real;
}
/**
 * Why `path` (workspace-relative or absolute) resolves outside the workspace once every symlink on
 * its way is followed, or undefined when it stays inside. A missing file is checked lexically (its
 * absence is the caller's finding).
 */
async function outsideWorkspace(workspace, path) {
    const root = await realWorkspace(workspace);
    const target = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path);
    let real;
    try {
        real = await (0,promises_.realpath)(target);
    }
    catch {
        real = (0,external_node_path_.join)(root, (0,external_node_path_.relative)(workspace, target));
    }
    if (isInside(root, real))
        return undefined;
    return real === target
        ? 'it is outside the workspace'
        : 'it is a symbolic link (or inside one) that resolves outside the workspace';
}
/** Largest file an action reads from the workspace unless the caller says otherwise. */
const MAX_WORKSPACE_FILE_BYTES = 16 * 1024 * 1024;
/**
 * Reads a workspace file as UTF-8, or says why not: it resolves outside the workspace (a committed
 * symlink to /etc/passwd, /proc/self/environ or /dev/zero is never opened), it is not a regular
 * file (a FIFO or device is opened non-blocking and refused, never read), or it is over the size
 * limit. Synchronous on purpose: awaiting hundreds of small reads through libuv's thread pool left
 * catalog-gate idle for a third of its run.
 */
async function readWorkspaceFile(workspace, path, options = {}) {
    const maxBytes = options.maxBytes ?? MAX_WORKSPACE_FILE_BYTES;
    const outside = options.plainFileInCheckedDir ? undefined : await outsideWorkspace(workspace, path);
    if (outside)
        return {
            ok: false,
            why: `refused to read ${path}: ${outside}; only files of the repository are read`,
        };
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(workspace, path), external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (info.isDirectory())
            return { ok: false, why: `${path}: is a directory, not a file` };
        if (!info.isFile())
            return { ok: false, why: `${path}: is not a regular file` };
        if (info.size > maxBytes)
            return { ok: false, why: `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit` };
        const buffer = (0,external_node_fs_.readFileSync)(fd);
        // It may have grown since fstat.
        if (buffer.length > maxBytes)
            return { ok: false, why: `${path} is ${buffer.length} bytes, over the ${maxBytes}-byte limit` };
        return { ok: true, text: buffer.toString('utf8') };
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT'
            ? 'not found'
            : code === 'EISDIR'
                ? 'is a directory, not a file'
                : code === 'EACCES' || code === 'EPERM'
                    ? 'cannot be read (permission denied)'
                    : `cannot be read (${code ?? error.message})`;
        return { ok: false, why: `${path}: ${why}` };
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: ./lib/config.ts
var lib_config = __webpack_require__(9426);
;// CONCATENATED MODULE: ./lib/schema.ts
/**
 * JSON Schema validation (ajv) whose errors land on the YAML line that caused them, worded for a
 * person: `db/catalog/migrations.yaml:12:5: /0/risk must be one of low, medium, high`.
 */



// ajv-formats is CommonJS; under ESM its default export arrives wrapped once more.
const schema_addFormats = ((dist_default())["default"] ??
    (dist_default()));
function compileSchema(schema) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    schema_addFormats(ajv);
    return ajv.compile(schema);
}
/** Validates a loaded config; returns every problem positioned at its YAML line, none if valid. */
function validateConfig(config, validate) {
    if (validate(config.value))
        return [];
    return (validate.errors ?? []).filter(isUseful).map((error) => toProblem(config, error));
}
/** Throws the first problem as a ConfigError (for callers that stop at the first error). */
function assertValid(config, validate) {
    const [first] = validateConfig(config, validate);
    if (first)
        throw new ConfigError(first.file, first, first.message);
}
function isUseful(error) {
    // `if`/`then` wrappers repeat what the inner error already says.
    return error.keyword !== 'if';
}
function toProblem(config, error) {
    const path = (0,lib_config/* pointerToPath */.ox)(error.instancePath);
    const where = error.instancePath || '(top level)';
    let message;
    let position;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params.additionalProperty);
            position = config.locateKey([...path, key]);
            message = `${where}: unknown key '${key}'; remove it or check its spelling`;
            break;
        }
        case 'required': {
            const missing = String(error.params.missingProperty);
            position = config.locate(path);
            message = `${where}: missing required key '${missing}'`;
            break;
        }
        case 'enum': {
            const allowed = error.params.allowedValues.map(String).join(', ');
            position = config.locate(path);
            message = `${where} must be one of ${allowed}`;
            break;
        }
        default:
            position = config.locate(path);
            message = `${where} ${error.message ?? 'is invalid'}`;
    }
    return {
        file: config.file,
        line: position.line,
        column: position.column,
        path: error.instancePath,
        message,
    };
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
;// CONCATENATED MODULE: ./actions/catalog-gate/src/catalog-validate.generated.ts
// Generated by actions/catalog-gate/schema/build-validator.ts from catalog.schema.json; do not edit.
/* eslint-disable */
// @ts-nocheck

// Node hands over the CommonJS exports object, the bundler its `default`: accept both.
const catalog_validate_generated_ucs2length = { default: ucs2length["default"]["default"] ?? ucs2length["default"] };
const validate = (/* unused pure expression or super */ null && (validate20));
/* harmony default export */ const catalog_validate_generated = (validate20);
const schema31 = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/summit-ops/summit-ops/actions/catalog-gate/schema/catalog.schema.json',
    title: 'Schema-evolution catalog (db/catalog/migrations.yaml)',
    description: 'A list of migrations in the order they are applied. Policy rules (PII retention, rollback and readiness for medium/high risk, owner) are checked by the action after this schema and reported with their own rule ids.',
    type: 'array',
    items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'service', 'risk', 'pii', 'rollout'],
        properties: {
            id: {
                type: 'string',
                pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$',
                description: "The migration file stem (<id>.up.sql, <id>.down.sql): letters, digits, '.', '_' and '-', starting with a letter or digit. YYYY-MM-DD-NNN-slug, or the names migration tools give (000061_add_index, 20240101120000_create_users, V3__add_index). Ids ascend in natural order (digit runs compare as numbers).",
            },
            service: { type: 'string', minLength: 1, description: 'The service that owns the tables.' },
            description: { type: 'string' },
            risk: {
                enum: ['low', 'medium', 'high'],
                description: 'Declared risk; must not be lower than the risk detected in the SQL.',
            },
            pii: { type: 'boolean', description: 'Whether the migration stores personal data.' },
            retention_days: {
                type: 'integer',
                minimum: 1,
                maximum: 36500,
                description: 'How long PII is kept; required when pii is true.',
            },
            fields: {
                type: 'array',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name'],
                    properties: {
                        name: {
                            type: 'string',
                            pattern: '^[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*$',
                            description: 'column or table.column',
                        },
                        pii: { type: 'boolean' },
                        retention_days: { type: 'integer', minimum: 1, maximum: 36500 },
                    },
                },
            },
            rollout: { enum: ['online', 'concurrent_index', 'expand_contract', 'offline'] },
            rollback: {
                type: 'string',
                minLength: 1,
                description: 'A down file (<name>.sql, relative to the migrations directory), `revert <id>` (a later migration whose up script undoes this one), or one inline SQL statement.',
            },
            owner: {
                type: 'string',
                pattern: '^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?$',
                description: '@team or @org/team',
            },
            readiness: {
                type: 'object',
                additionalProperties: false,
                required: ['locks', 'long_transactions', 'size_estimate'],
                properties: {
                    locks: { type: 'string', minLength: 1, description: 'Which locks are taken and for how long.' },
                    long_transactions: {
                        type: 'string',
                        minLength: 1,
                        description: 'How long-running transactions were checked (they block lock acquisition).',
                    },
                    size_estimate: { type: 'string', minLength: 1, description: 'Rows/bytes of the affected tables.' },
                },
            },
        },
    },
};
const func1 = Object.prototype.hasOwnProperty;
const func2 = catalog_validate_generated_ucs2length.default;
const pattern4 = new RegExp('^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$', 'u');
const pattern5 = new RegExp('^[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*$', 'u');
const pattern6 = new RegExp('^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?$', 'u');
function validate20(data, { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
    /*# sourceURL="https://github.com/summit-ops/summit-ops/actions/catalog-gate/schema/catalog.schema.json" */ let vErrors = null;
    let errors = 0;
    const evaluated0 = validate20.evaluated;
    if (evaluated0.dynamicProps) {
        evaluated0.props = undefined;
    }
    if (evaluated0.dynamicItems) {
        evaluated0.items = undefined;
    }
    if (Array.isArray(data)) {
        const len0 = data.length;
        for (let i0 = 0; i0 < len0; i0++) {
            let data0 = data[i0];
            if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
                if (data0.id === undefined) {
                    const err0 = {
                        instancePath: instancePath + '/' + i0,
                        schemaPath: '#/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'id' },
                        message: "must have required property '" + 'id' + "'",
                    };
                    if (vErrors === null) {
                        vErrors = [err0];
                    }
                    else {
                        vErrors.push(err0);
                    }
                    errors++;
                }
                if (data0.service === undefined) {
                    const err1 = {
                        instancePath: instancePath + '/' + i0,
                        schemaPath: '#/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'service' },
                        message: "must have required property '" + 'service' + "'",
                    };
                    if (vErrors === null) {
                        vErrors = [err1];
                    }
                    else {
                        vErrors.push(err1);
                    }
                    errors++;
                }
                if (data0.risk === undefined) {
                    const err2 = {
                        instancePath: instancePath + '/' + i0,
                        schemaPath: '#/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'risk' },
                        message: "must have required property '" + 'risk' + "'",
                    };
                    if (vErrors === null) {
                        vErrors = [err2];
                    }
                    else {
                        vErrors.push(err2);
                    }
                    errors++;
                }
                if (data0.pii === undefined) {
                    const err3 = {
                        instancePath: instancePath + '/' + i0,
                        schemaPath: '#/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'pii' },
                        message: "must have required property '" + 'pii' + "'",
                    };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
                if (data0.rollout === undefined) {
                    const err4 = {
                        instancePath: instancePath + '/' + i0,
                        schemaPath: '#/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'rollout' },
                        message: "must have required property '" + 'rollout' + "'",
                    };
                    if (vErrors === null) {
                        vErrors = [err4];
                    }
                    else {
                        vErrors.push(err4);
                    }
                    errors++;
                }
                for (const key0 in data0) {
                    if (!func1.call(schema31.items.properties, key0)) {
                        const err5 = {
                            instancePath: instancePath + '/' + i0,
                            schemaPath: '#/items/additionalProperties',
                            keyword: 'additionalProperties',
                            params: { additionalProperty: key0 },
                            message: 'must NOT have additional properties',
                        };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
                if (data0.id !== undefined) {
                    let data1 = data0.id;
                    if (typeof data1 === 'string') {
                        if (!pattern4.test(data1)) {
                            const err6 = {
                                instancePath: instancePath + '/' + i0 + '/id',
                                schemaPath: '#/items/properties/id/pattern',
                                keyword: 'pattern',
                                params: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$' },
                                message: 'must match pattern "' + '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$' + '"',
                            };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err7 = {
                            instancePath: instancePath + '/' + i0 + '/id',
                            schemaPath: '#/items/properties/id/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                        };
                        if (vErrors === null) {
                            vErrors = [err7];
                        }
                        else {
                            vErrors.push(err7);
                        }
                        errors++;
                    }
                }
                if (data0.service !== undefined) {
                    let data2 = data0.service;
                    if (typeof data2 === 'string') {
                        if (func2(data2) < 1) {
                            const err8 = {
                                instancePath: instancePath + '/' + i0 + '/service',
                                schemaPath: '#/items/properties/service/minLength',
                                keyword: 'minLength',
                                params: { limit: 1 },
                                message: 'must NOT have fewer than 1 characters',
                            };
                            if (vErrors === null) {
                                vErrors = [err8];
                            }
                            else {
                                vErrors.push(err8);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err9 = {
                            instancePath: instancePath + '/' + i0 + '/service',
                            schemaPath: '#/items/properties/service/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                        };
                        if (vErrors === null) {
                            vErrors = [err9];
                        }
                        else {
                            vErrors.push(err9);
                        }
                        errors++;
                    }
                }
                if (data0.description !== undefined) {
                    if (typeof data0.description !== 'string') {
                        const err10 = {
                            instancePath: instancePath + '/' + i0 + '/description',
                            schemaPath: '#/items/properties/description/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                        };
                        if (vErrors === null) {
                            vErrors = [err10];
                        }
                        else {
                            vErrors.push(err10);
                        }
                        errors++;
                    }
                }
                if (data0.risk !== undefined) {
                    let data4 = data0.risk;
                    if (!(data4 === 'low' || data4 === 'medium' || data4 === 'high')) {
                        const err11 = {
                            instancePath: instancePath + '/' + i0 + '/risk',
                            schemaPath: '#/items/properties/risk/enum',
                            keyword: 'enum',
                            params: { allowedValues: schema31.items.properties.risk.enum },
                            message: 'must be equal to one of the allowed values',
                        };
                        if (vErrors === null) {
                            vErrors = [err11];
                        }
                        else {
                            vErrors.push(err11);
                        }
                        errors++;
                    }
                }
                if (data0.pii !== undefined) {
                    if (typeof data0.pii !== 'boolean') {
                        const err12 = {
                            instancePath: instancePath + '/' + i0 + '/pii',
                            schemaPath: '#/items/properties/pii/type',
                            keyword: 'type',
                            params: { type: 'boolean' },
                            message: 'must be boolean',
                        };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
                if (data0.retention_days !== undefined) {
                    let data6 = data0.retention_days;
                    if (!(typeof data6 == 'number' && !(data6 % 1) && !isNaN(data6))) {
                        const err13 = {
                            instancePath: instancePath + '/' + i0 + '/retention_days',
                            schemaPath: '#/items/properties/retention_days/type',
                            keyword: 'type',
                            params: { type: 'integer' },
                            message: 'must be integer',
                        };
                        if (vErrors === null) {
                            vErrors = [err13];
                        }
                        else {
                            vErrors.push(err13);
                        }
                        errors++;
                    }
                    if (typeof data6 == 'number') {
                        if (data6 > 36500 || isNaN(data6)) {
                            const err14 = {
                                instancePath: instancePath + '/' + i0 + '/retention_days',
                                schemaPath: '#/items/properties/retention_days/maximum',
                                keyword: 'maximum',
                                params: { comparison: '<=', limit: 36500 },
                                message: 'must be <= 36500',
                            };
                            if (vErrors === null) {
                                vErrors = [err14];
                            }
                            else {
                                vErrors.push(err14);
                            }
                            errors++;
                        }
                        if (data6 < 1 || isNaN(data6)) {
                            const err15 = {
                                instancePath: instancePath + '/' + i0 + '/retention_days',
                                schemaPath: '#/items/properties/retention_days/minimum',
                                keyword: 'minimum',
                                params: { comparison: '>=', limit: 1 },
                                message: 'must be >= 1',
                            };
                            if (vErrors === null) {
                                vErrors = [err15];
                            }
                            else {
                                vErrors.push(err15);
                            }
                            errors++;
                        }
                    }
                }
                if (data0.fields !== undefined) {
                    let data7 = data0.fields;
                    if (Array.isArray(data7)) {
                        const len1 = data7.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                            let data8 = data7[i1];
                            if (data8 && typeof data8 == 'object' && !Array.isArray(data8)) {
                                if (data8.name === undefined) {
                                    const err16 = {
                                        instancePath: instancePath + '/' + i0 + '/fields/' + i1,
                                        schemaPath: '#/items/properties/fields/items/required',
                                        keyword: 'required',
                                        params: { missingProperty: 'name' },
                                        message: "must have required property '" + 'name' + "'",
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err16];
                                    }
                                    else {
                                        vErrors.push(err16);
                                    }
                                    errors++;
                                }
                                for (const key1 in data8) {
                                    if (!(key1 === 'name' || key1 === 'pii' || key1 === 'retention_days')) {
                                        const err17 = {
                                            instancePath: instancePath + '/' + i0 + '/fields/' + i1,
                                            schemaPath: '#/items/properties/fields/items/additionalProperties',
                                            keyword: 'additionalProperties',
                                            params: { additionalProperty: key1 },
                                            message: 'must NOT have additional properties',
                                        };
                                        if (vErrors === null) {
                                            vErrors = [err17];
                                        }
                                        else {
                                            vErrors.push(err17);
                                        }
                                        errors++;
                                    }
                                }
                                if (data8.name !== undefined) {
                                    let data9 = data8.name;
                                    if (typeof data9 === 'string') {
                                        if (!pattern5.test(data9)) {
                                            const err18 = {
                                                instancePath: instancePath + '/' + i0 + '/fields/' + i1 + '/name',
                                                schemaPath: '#/items/properties/fields/items/properties/name/pattern',
                                                keyword: 'pattern',
                                                params: { pattern: '^[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*$' },
                                                message: 'must match pattern "' +
                                                    '^[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*$' +
                                                    '"',
                                            };
                                            if (vErrors === null) {
                                                vErrors = [err18];
                                            }
                                            else {
                                                vErrors.push(err18);
                                            }
                                            errors++;
                                        }
                                    }
                                    else {
                                        const err19 = {
                                            instancePath: instancePath + '/' + i0 + '/fields/' + i1 + '/name',
                                            schemaPath: '#/items/properties/fields/items/properties/name/type',
                                            keyword: 'type',
                                            params: { type: 'string' },
                                            message: 'must be string',
                                        };
                                        if (vErrors === null) {
                                            vErrors = [err19];
                                        }
                                        else {
                                            vErrors.push(err19);
                                        }
                                        errors++;
                                    }
                                }
                                if (data8.pii !== undefined) {
                                    if (typeof data8.pii !== 'boolean') {
                                        const err20 = {
                                            instancePath: instancePath + '/' + i0 + '/fields/' + i1 + '/pii',
                                            schemaPath: '#/items/properties/fields/items/properties/pii/type',
                                            keyword: 'type',
                                            params: { type: 'boolean' },
                                            message: 'must be boolean',
                                        };
                                        if (vErrors === null) {
                                            vErrors = [err20];
                                        }
                                        else {
                                            vErrors.push(err20);
                                        }
                                        errors++;
                                    }
                                }
                                if (data8.retention_days !== undefined) {
                                    let data11 = data8.retention_days;
                                    if (!(typeof data11 == 'number' && !(data11 % 1) && !isNaN(data11))) {
                                        const err21 = {
                                            instancePath: instancePath + '/' + i0 + '/fields/' + i1 + '/retention_days',
                                            schemaPath: '#/items/properties/fields/items/properties/retention_days/type',
                                            keyword: 'type',
                                            params: { type: 'integer' },
                                            message: 'must be integer',
                                        };
                                        if (vErrors === null) {
                                            vErrors = [err21];
                                        }
                                        else {
                                            vErrors.push(err21);
                                        }
                                        errors++;
                                    }
                                    if (typeof data11 == 'number') {
                                        if (data11 > 36500 || isNaN(data11)) {
                                            const err22 = {
                                                instancePath: instancePath + '/' + i0 + '/fields/' + i1 + '/retention_days',
                                                schemaPath: '#/items/properties/fields/items/properties/retention_days/maximum',
                                                keyword: 'maximum',
                                                params: { comparison: '<=', limit: 36500 },
                                                message: 'must be <= 36500',
                                            };
                                            if (vErrors === null) {
                                                vErrors = [err22];
                                            }
                                            else {
                                                vErrors.push(err22);
                                            }
                                            errors++;
                                        }
                                        if (data11 < 1 || isNaN(data11)) {
                                            const err23 = {
                                                instancePath: instancePath + '/' + i0 + '/fields/' + i1 + '/retention_days',
                                                schemaPath: '#/items/properties/fields/items/properties/retention_days/minimum',
                                                keyword: 'minimum',
                                                params: { comparison: '>=', limit: 1 },
                                                message: 'must be >= 1',
                                            };
                                            if (vErrors === null) {
                                                vErrors = [err23];
                                            }
                                            else {
                                                vErrors.push(err23);
                                            }
                                            errors++;
                                        }
                                    }
                                }
                            }
                            else {
                                const err24 = {
                                    instancePath: instancePath + '/' + i0 + '/fields/' + i1,
                                    schemaPath: '#/items/properties/fields/items/type',
                                    keyword: 'type',
                                    params: { type: 'object' },
                                    message: 'must be object',
                                };
                                if (vErrors === null) {
                                    vErrors = [err24];
                                }
                                else {
                                    vErrors.push(err24);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err25 = {
                            instancePath: instancePath + '/' + i0 + '/fields',
                            schemaPath: '#/items/properties/fields/type',
                            keyword: 'type',
                            params: { type: 'array' },
                            message: 'must be array',
                        };
                        if (vErrors === null) {
                            vErrors = [err25];
                        }
                        else {
                            vErrors.push(err25);
                        }
                        errors++;
                    }
                }
                if (data0.rollout !== undefined) {
                    let data12 = data0.rollout;
                    if (!(data12 === 'online' ||
                        data12 === 'concurrent_index' ||
                        data12 === 'expand_contract' ||
                        data12 === 'offline')) {
                        const err26 = {
                            instancePath: instancePath + '/' + i0 + '/rollout',
                            schemaPath: '#/items/properties/rollout/enum',
                            keyword: 'enum',
                            params: { allowedValues: schema31.items.properties.rollout.enum },
                            message: 'must be equal to one of the allowed values',
                        };
                        if (vErrors === null) {
                            vErrors = [err26];
                        }
                        else {
                            vErrors.push(err26);
                        }
                        errors++;
                    }
                }
                if (data0.rollback !== undefined) {
                    let data13 = data0.rollback;
                    if (typeof data13 === 'string') {
                        if (func2(data13) < 1) {
                            const err27 = {
                                instancePath: instancePath + '/' + i0 + '/rollback',
                                schemaPath: '#/items/properties/rollback/minLength',
                                keyword: 'minLength',
                                params: { limit: 1 },
                                message: 'must NOT have fewer than 1 characters',
                            };
                            if (vErrors === null) {
                                vErrors = [err27];
                            }
                            else {
                                vErrors.push(err27);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err28 = {
                            instancePath: instancePath + '/' + i0 + '/rollback',
                            schemaPath: '#/items/properties/rollback/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                        };
                        if (vErrors === null) {
                            vErrors = [err28];
                        }
                        else {
                            vErrors.push(err28);
                        }
                        errors++;
                    }
                }
                if (data0.owner !== undefined) {
                    let data14 = data0.owner;
                    if (typeof data14 === 'string') {
                        if (!pattern6.test(data14)) {
                            const err29 = {
                                instancePath: instancePath + '/' + i0 + '/owner',
                                schemaPath: '#/items/properties/owner/pattern',
                                keyword: 'pattern',
                                params: { pattern: '^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?$' },
                                message: 'must match pattern "' + '^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?$' + '"',
                            };
                            if (vErrors === null) {
                                vErrors = [err29];
                            }
                            else {
                                vErrors.push(err29);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err30 = {
                            instancePath: instancePath + '/' + i0 + '/owner',
                            schemaPath: '#/items/properties/owner/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                        };
                        if (vErrors === null) {
                            vErrors = [err30];
                        }
                        else {
                            vErrors.push(err30);
                        }
                        errors++;
                    }
                }
                if (data0.readiness !== undefined) {
                    let data15 = data0.readiness;
                    if (data15 && typeof data15 == 'object' && !Array.isArray(data15)) {
                        if (data15.locks === undefined) {
                            const err31 = {
                                instancePath: instancePath + '/' + i0 + '/readiness',
                                schemaPath: '#/items/properties/readiness/required',
                                keyword: 'required',
                                params: { missingProperty: 'locks' },
                                message: "must have required property '" + 'locks' + "'",
                            };
                            if (vErrors === null) {
                                vErrors = [err31];
                            }
                            else {
                                vErrors.push(err31);
                            }
                            errors++;
                        }
                        if (data15.long_transactions === undefined) {
                            const err32 = {
                                instancePath: instancePath + '/' + i0 + '/readiness',
                                schemaPath: '#/items/properties/readiness/required',
                                keyword: 'required',
                                params: { missingProperty: 'long_transactions' },
                                message: "must have required property '" + 'long_transactions' + "'",
                            };
                            if (vErrors === null) {
                                vErrors = [err32];
                            }
                            else {
                                vErrors.push(err32);
                            }
                            errors++;
                        }
                        if (data15.size_estimate === undefined) {
                            const err33 = {
                                instancePath: instancePath + '/' + i0 + '/readiness',
                                schemaPath: '#/items/properties/readiness/required',
                                keyword: 'required',
                                params: { missingProperty: 'size_estimate' },
                                message: "must have required property '" + 'size_estimate' + "'",
                            };
                            if (vErrors === null) {
                                vErrors = [err33];
                            }
                            else {
                                vErrors.push(err33);
                            }
                            errors++;
                        }
                        for (const key2 in data15) {
                            if (!(key2 === 'locks' || key2 === 'long_transactions' || key2 === 'size_estimate')) {
                                const err34 = {
                                    instancePath: instancePath + '/' + i0 + '/readiness',
                                    schemaPath: '#/items/properties/readiness/additionalProperties',
                                    keyword: 'additionalProperties',
                                    params: { additionalProperty: key2 },
                                    message: 'must NOT have additional properties',
                                };
                                if (vErrors === null) {
                                    vErrors = [err34];
                                }
                                else {
                                    vErrors.push(err34);
                                }
                                errors++;
                            }
                        }
                        if (data15.locks !== undefined) {
                            let data16 = data15.locks;
                            if (typeof data16 === 'string') {
                                if (func2(data16) < 1) {
                                    const err35 = {
                                        instancePath: instancePath + '/' + i0 + '/readiness/locks',
                                        schemaPath: '#/items/properties/readiness/properties/locks/minLength',
                                        keyword: 'minLength',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 characters',
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err35];
                                    }
                                    else {
                                        vErrors.push(err35);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err36 = {
                                    instancePath: instancePath + '/' + i0 + '/readiness/locks',
                                    schemaPath: '#/items/properties/readiness/properties/locks/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                };
                                if (vErrors === null) {
                                    vErrors = [err36];
                                }
                                else {
                                    vErrors.push(err36);
                                }
                                errors++;
                            }
                        }
                        if (data15.long_transactions !== undefined) {
                            let data17 = data15.long_transactions;
                            if (typeof data17 === 'string') {
                                if (func2(data17) < 1) {
                                    const err37 = {
                                        instancePath: instancePath + '/' + i0 + '/readiness/long_transactions',
                                        schemaPath: '#/items/properties/readiness/properties/long_transactions/minLength',
                                        keyword: 'minLength',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 characters',
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err37];
                                    }
                                    else {
                                        vErrors.push(err37);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err38 = {
                                    instancePath: instancePath + '/' + i0 + '/readiness/long_transactions',
                                    schemaPath: '#/items/properties/readiness/properties/long_transactions/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                };
                                if (vErrors === null) {
                                    vErrors = [err38];
                                }
                                else {
                                    vErrors.push(err38);
                                }
                                errors++;
                            }
                        }
                        if (data15.size_estimate !== undefined) {
                            let data18 = data15.size_estimate;
                            if (typeof data18 === 'string') {
                                if (func2(data18) < 1) {
                                    const err39 = {
                                        instancePath: instancePath + '/' + i0 + '/readiness/size_estimate',
                                        schemaPath: '#/items/properties/readiness/properties/size_estimate/minLength',
                                        keyword: 'minLength',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 characters',
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err39];
                                    }
                                    else {
                                        vErrors.push(err39);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err40 = {
                                    instancePath: instancePath + '/' + i0 + '/readiness/size_estimate',
                                    schemaPath: '#/items/properties/readiness/properties/size_estimate/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                };
                                if (vErrors === null) {
                                    vErrors = [err40];
                                }
                                else {
                                    vErrors.push(err40);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err41 = {
                            instancePath: instancePath + '/' + i0 + '/readiness',
                            schemaPath: '#/items/properties/readiness/type',
                            keyword: 'type',
                            params: { type: 'object' },
                            message: 'must be object',
                        };
                        if (vErrors === null) {
                            vErrors = [err41];
                        }
                        else {
                            vErrors.push(err41);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err42 = {
                    instancePath: instancePath + '/' + i0,
                    schemaPath: '#/items/type',
                    keyword: 'type',
                    params: { type: 'object' },
                    message: 'must be object',
                };
                if (vErrors === null) {
                    vErrors = [err42];
                }
                else {
                    vErrors.push(err42);
                }
                errors++;
            }
        }
    }
    else {
        const err43 = {
            instancePath,
            schemaPath: '#/type',
            keyword: 'type',
            params: { type: 'array' },
            message: 'must be array',
        };
        if (vErrors === null) {
            vErrors = [err43];
        }
        else {
            vErrors.push(err43);
        }
        errors++;
    }
    validate20.errors = vErrors;
    return errors === 0;
}
validate20.evaluated = { items: true, dynamicProps: false, dynamicItems: false };

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/ast.ts
/** Reading libpg-query's AST: names, qualified names, option lists (pure helpers). */
function unwrap(node) {
    const key = Object.keys(node)[0] ?? 'Unknown';
    return [key, node[key]];
}
function rangeVarName(rv) {
    if (!rv)
        return '?';
    return rv.schemaname ? `${rv.schemaname}.${rv.relname}` : String(rv.relname);
}
function qualifiedFromList(list) {
    // DROP objects arrive as List { items: [String, String] } for schema.name.
    const items = list?.List?.items ?? (Array.isArray(list) ? list : [list]);
    return items.map((i) => i?.String?.sval ?? '?').join('.');
}
const quoteIdent = (name) => name
    .split('.')
    .map((p) => (/^[a-z_][a-z0-9_$]*$/.test(p) ? p : `"${p.replace(/"/g, '""')}"`))
    .join('.');
/**
 * Whether a boolean option list (VACUUM (…), REINDEX (…)) turns `name` on. PostgreSQL's
 * defGetBoolean reads a bare option as true, the integers 0/1, and the words true/false/on/off in
 * any case; libpg-query hands the words over as strings and 0 as an Integer without ival.
 */
function hasOption(params, name) {
    let on = false;
    // The last mention wins, as in PostgreSQL (VACUUM (FULL, FULL false) is not FULL).
    for (const p of params ?? [])
        if (p?.DefElem?.defname === name)
            on = optionValue(p.DefElem.arg);
    return on;
}
function optionValue(arg) {
    if (arg === undefined || arg === null)
        return true;
    if (arg.Boolean)
        return arg.Boolean.boolval === true;
    if (arg.Integer)
        return Number(arg.Integer.ival ?? 0) !== 0;
    const text = String(arg.String?.sval ?? '').toLowerCase();
    return !(text === 'false' || text === 'off' || text === '0');
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/rules.ts
/** The SQL rules (stable ids, risk, level) and the lock/risk scales they are rated on. */
const LOCK_LEVELS = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
];
const RISKS = ['low', 'medium', 'high'];
function lockRank(lock) {
    return lock === null ? 0 : LOCK_LEVELS.indexOf(lock) + 1;
}
function riskRank(risk) {
    return RISKS.indexOf(risk);
}
function maxRisk(a, b) {
    return riskRank(a) >= riskRank(b) ? a : b;
}
function rule(id, risk, title, help, level = 'warning') {
    return { id, risk, level, title, help };
}
/** Rule ids are stable: reports, suppressions and the conformance mapping refer to them. */
const SQL_RULES = {
    createIndex: rule('create-index-not-concurrent', 'medium', 'CREATE INDEX without CONCURRENTLY', 'Blocks writes (SHARE lock) for the whole build. Use CREATE INDEX CONCURRENTLY outside a transaction.'),
    dropIndex: rule('drop-index-not-concurrent', 'medium', 'DROP INDEX without CONCURRENTLY', 'Takes ACCESS EXCLUSIVE on the table. Use DROP INDEX CONCURRENTLY outside a transaction.'),
    concurrentInTx: rule('concurrent-in-transaction', 'high', 'CONCURRENTLY inside a transaction', 'PostgreSQL refuses CONCURRENTLY inside a transaction block; the migration fails. Run it in its own migration without BEGIN.', 'error'),
    addColumnRewrite: rule('add-column-rewrite', 'high', 'ADD COLUMN rewrites the table', 'A volatile default, identity, serial, GENERATED STORED or a domain with CHECK rewrites the table under ACCESS EXCLUSIVE. Add the column plain, backfill in batches, then set the default.'),
    addRequiredColumn: rule('add-required-column', 'medium', 'ADD COLUMN NOT NULL without a default', 'Fails on a table that has rows. Add it nullable or with a constant default.'),
    alterColumnType: rule('alter-column-type', 'high', 'ALTER COLUMN TYPE rewrites the table', 'Changing a type (other than widening varchar or varchar to text) rewrites the table and its indexes under ACCESS EXCLUSIVE. Add a new column, backfill, and swap.'),
    setNotNull: rule('set-not-null-scan', 'medium', 'SET NOT NULL without a validated CHECK', 'Scans the whole table under ACCESS EXCLUSIVE. First add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL.'),
    addForeignKey: rule('add-foreign-key-validated', 'medium', 'ADD FOREIGN KEY without NOT VALID', 'Validating scans the table while holding SHARE ROW EXCLUSIVE on both tables. Add it NOT VALID, then VALIDATE CONSTRAINT.'),
    addCheck: rule('add-check-validated', 'medium', 'ADD CHECK without NOT VALID', 'Validating scans the table under ACCESS EXCLUSIVE. Add it NOT VALID, then VALIDATE CONSTRAINT.'),
    addUnique: rule('add-unique-without-index', 'medium', 'ADD UNIQUE/PRIMARY KEY without USING INDEX', 'Builds the index under ACCESS EXCLUSIVE. CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX.'),
    dropColumn: rule('drop-column', 'high', 'DROP COLUMN loses data', 'The data cannot be restored by a back-out. Stop reading the column first and keep a copy if needed.'),
    dropTable: rule('drop-table', 'high', 'DROP TABLE loses data', 'The data cannot be restored by a back-out.'),
    renameColumn: rule('rename-column', 'medium', 'RENAME COLUMN breaks running code', 'Deployed code still uses the old name. Add a new column or a view, migrate readers, then drop.'),
    renameTable: rule('rename-table', 'medium', 'RENAME TABLE breaks running code', 'Deployed code still uses the old name. Use a view for the transition.'),
    truncate: rule('truncate', 'high', 'TRUNCATE loses data', 'Removes every row under ACCESS EXCLUSIVE; no back-out can restore them.'),
    vacuumFull: rule('vacuum-full', 'high', 'VACUUM FULL rewrites the table', 'Rewrites under ACCESS EXCLUSIVE. Use pg_repack or plain VACUUM.'),
    cluster: rule('cluster', 'high', 'CLUSTER rewrites the table', 'Rewrites under ACCESS EXCLUSIVE. Use pg_repack.'),
    reindex: rule('reindex-not-concurrent', 'medium', 'REINDEX without CONCURRENTLY', 'Blocks writes to the table and reads through the index. Use REINDEX … CONCURRENTLY (PG 12+).'),
    statementTimeoutConcurrent: rule('statement-timeout-concurrently', 'low', 'statement_timeout set before a CONCURRENTLY build', 'A concurrent build runs as long as the table needs; when statement_timeout cancels it, PostgreSQL leaves an INVALID index behind that still slows writes and must be dropped before a retry. SET statement_timeout = 0 before the build (keep lock_timeout).'),
    validateSameTransaction: rule('validate-in-same-transaction', 'medium', 'VALIDATE CONSTRAINT in the transaction that added it NOT VALID', 'The lock the ADD CONSTRAINT … NOT VALID took (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a FOREIGN KEY) is held until the transaction ends, so the validating scan runs under it and NOT VALID buys nothing. COMMIT between them, or validate in a later migration.'),
    doBlock: rule('do-block-not-analysed', 'low', 'DO block: the body cannot be analysed', 'The body of a DO block is procedural code (PL/pgSQL or another language) that the SQL parser does not look into, so its locks, rewrites and data loss are unknown. Put the DDL in plain statements, or review the block by hand.'),
    analyserError: rule('analyser-error', 'low', 'The statement could not be analysed', 'catalog-gate failed on this statement, so its locks and risk are unknown. Review it by hand and report the statement to the catalog-gate maintainers.', 'error'),
    lockTimeout: rule('missing-lock-timeout', 'medium', 'No lock_timeout before a strong lock', "A statement waiting for SHARE or stronger queues every later query behind it. SET lock_timeout first (e.g. SET lock_timeout = '5s') and retry."),
    dropDatabase: rule('drop-database', 'high', 'DROP DATABASE in a migration', 'A migration changes one database; dropping a database (this one or another on the server) is never part of one. The back-out proof does not run it.', 'error'),
    copyProgram: rule('copy-program', 'high', 'COPY … PROGRAM runs a shell command on the database server', 'COPY TO/FROM PROGRAM executes an operating-system command as the PostgreSQL server user. Never in a migration; load data from the client (COPY … FROM STDIN). The back-out proof does not run it.', 'error'),
    serverFileAccess: rule('server-file-access', 'high', 'Reads or writes files on the database server', "COPY to or from a server file, pg_read_file, pg_ls_dir, lo_import/lo_export and similar functions reach the server's file system. Never in a migration. The back-out proof does not run it.", 'error'),
    deleteWithoutWhere: rule('delete-without-where', 'high', 'DELETE without WHERE deletes every row', 'Deletes every row of an existing table, locking each one until the migration commits (a long transaction that blocks concurrent writers and vacuum); no back-out restores the rows. Add a WHERE clause, or delete in batches outside the migration.'),
    updateWithoutWhere: rule('update-without-where', 'medium', 'UPDATE without WHERE rewrites every row', 'Writes a new version of every row of an existing table and holds every row lock until the migration commits: concurrent writers wait, the table bloats. Backfill in batches (WHERE id BETWEEN …) outside the migration.'),
    identifierTooLong: rule('identifier-too-long', 'low', 'Identifier longer than 63 bytes', 'PostgreSQL silently truncates identifiers to 63 bytes (NAMEDATALEN - 1): the object gets a different name than written, and two long names that share their first 63 bytes collide. Use a shorter name.'),
};
const RULE_BY_ID = new Map(Object.values(SQL_RULES).map((r) => [r.id, r]));
function sqlRule(id) {
    return RULE_BY_ID.get(id);
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/state.ts
/**
 * Tables by name, where `public.users` and `users` are the same table (public is the schema an
 * unqualified name lands in on a default search_path).
 */
class TableMap extends Map {
    static key(table) {
        return table.startsWith('public.') ? table.slice('public.'.length) : table;
    }
    get(table) {
        return super.get(TableMap.key(table));
    }
    has(table) {
        return super.has(TableMap.key(table));
    }
    set(table, value) {
        return super.set(TableMap.key(table), value);
    }
    delete(table) {
        return super.delete(TableMap.key(table));
    }
}
function emptySchemaState() {
    return {
        domainsWithCheck: new Set(),
        columns: new TableMap(),
        foreignKeys: [],
        validatedNotNull: new Set(),
        pendingNotNullChecks: new Map(),
        indexTables: new Map(),
    };
}
const timeoutSet = (t) => t.local ?? t.session;
function endTransaction(file, commit) {
    file.inTransaction = false;
    file.notValidInTransaction.clear();
    for (const t of [file.lockTimeout, file.statementTimeout]) {
        delete t.local;
        if (!commit)
            t.session = t.atBegin;
    }
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/types.ts
/** Column types as written, normalised to PostgreSQL's names, and which type changes rewrite. */

function typeOf(typeName) {
    const names = (typeName?.names ?? []).map((n) => n?.String?.sval ?? '');
    const filtered = names[0] === 'pg_catalog' ? names.slice(1) : names;
    const mods = (typeName?.typmods ?? []).map((m) => Number(m?.A_Const?.ival?.ival ?? 0));
    return {
        name: filtered.join('.'),
        mods,
        array: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0,
    };
}
function typeText(t) {
    return `${t.name}${t.mods.length ? `(${t.mods.join(',')})` : ''}${t.array ? '[]' : ''}`;
}
const SERIAL_TYPES = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
/** Functions whose value is fixed for a statement (stable or immutable): a fast default stays fast. */
const NON_VOLATILE_FUNCTIONS = new Set([
    'now',
    'statement_timestamp',
    'transaction_timestamp',
    'current_date',
    'current_timestamp',
    'localtimestamp',
    'lower',
    'upper',
    'coalesce',
    'concat',
    'make_interval',
    'to_timestamp',
    'jsonb_build_object',
    'json_build_object',
    'jsonb_build_array',
    'array_fill',
    'abs',
    'length',
    'md5',
]);
/** Null when the expression cannot change per row; otherwise why it is (or may be) volatile. */
function volatility(expr) {
    if (expr === undefined || expr === null)
        return null;
    const [tag, b] = unwrap(expr);
    switch (tag) {
        case 'A_Const':
        case 'SQLValueFunction':
            return null;
        case 'TypeCast':
            return volatility(b.arg);
        case 'A_Expr':
            return volatility(b.lexpr) ?? volatility(b.rexpr);
        case 'BoolExpr':
        case 'A_ArrayExpr':
            for (const a of b.args ?? b.elements ?? []) {
                const v = volatility(a);
                if (v)
                    return v;
            }
            return null;
        case 'FuncCall': {
            const names = (b.funcname ?? []).map((n) => n?.String?.sval ?? '');
            const name = names[names.length - 1] ?? '';
            if (!NON_VOLATILE_FUNCTIONS.has(name))
                return `${name}() is volatile or not known to be stable`;
            for (const a of b.args ?? []) {
                const v = volatility(a);
                if (v)
                    return v;
            }
            return null;
        }
        default:
            return `a ${tag} default cannot be proven constant`;
    }
}
/**
 * PostgreSQL's own name for a type as written: the grammar maps some spellings (`integer`,
 * `character varying`, `timestamp without time zone`) to pg_catalog names itself, but the short
 * aliases typed as plain identifiers (`int4`, `bool`, `timestamptz`, `serial`) arrive as written.
 */
const TYPE_ALIASES = {
    int: 'int4',
    integer: 'int4',
    serial: 'int4',
    serial4: 'int4',
    bigint: 'int8',
    bigserial: 'int8',
    serial8: 'int8',
    smallint: 'int2',
    smallserial: 'int2',
    serial2: 'int2',
    real: 'float4',
    float: 'float8',
    'double precision': 'float8',
    decimal: 'numeric',
    boolean: 'bool',
    'character varying': 'varchar',
    character: 'bpchar',
    char: 'bpchar',
    'timestamp without time zone': 'timestamp',
    'timestamp with time zone': 'timestamptz',
    'time without time zone': 'time',
    'time with time zone': 'timetz',
    'bit varying': 'varbit',
};
function canonicalType(name) {
    const bare = name.startsWith('pg_catalog.') ? name.slice('pg_catalog.'.length) : name;
    return TYPE_ALIASES[bare] ?? bare;
}
/**
 * Whether ALTER COLUMN … TYPE leaves the table alone: the same type (after normalising the name),
 * varchar widening, varchar/char(n) to text or unbounded varchar, numeric precision increase.
 * Undefined when the current type is unknown.
 */
function typeChangeIsSafe(fromAsWritten, toAsWritten) {
    if (!fromAsWritten)
        return undefined;
    const from = { ...fromAsWritten, name: canonicalType(fromAsWritten.name) };
    const to = { ...toAsWritten, name: canonicalType(toAsWritten.name) };
    if (from.array !== to.array)
        return false;
    // PostgreSQL compares the type and typmod and rewrites nothing when both are unchanged
    // (checked: relfilenode stays the same for uuid → UUID).
    if (from.name === to.name && from.mods.join(',') === to.mods.join(','))
        return true;
    const textual = new Set(['varchar', 'text']);
    if (from.name === 'varchar' && to.name === 'text')
        return true;
    if (from.name === 'text' && to.name === 'text')
        return true;
    if (from.name === 'varchar' && to.name === 'varchar') {
        if (to.mods.length === 0)
            return true;
        if (from.mods.length === 0)
            return false;
        return to.mods[0] >= from.mods[0];
    }
    if (from.name === 'numeric' && to.name === 'numeric') {
        if (to.mods.length === 0)
            return true;
        if (from.mods.length === 0)
            return false;
        // Increasing precision with the same scale is binary-compatible.
        return to.mods[0] >= from.mods[0] && (to.mods[1] ?? 0) === (from.mods[1] ?? 0);
    }
    return textual.has(from.name) && from.name === to.name && to.mods.length === 0;
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/alter.ts
/** ALTER TABLE sub-commands: lock, rewrite, findings and inverse of each. */




/** The column name of `col IS NOT NULL`, or undefined. */
function notNullCheckColumn(expr) {
    const [tag, b] = unwrap(expr ?? {});
    if (tag !== 'NullTest' || b.nulltesttype !== 'IS_NOT_NULL')
        return undefined;
    const fields = b.arg?.ColumnRef?.fields ?? [];
    return fields[fields.length - 1]?.String?.sval;
}
const names = (list) => (list ?? []).map((n) => String(n?.String?.sval ?? '?'));
/** A FOREIGN KEY constraint node as a ForeignKey; `columns` for an inline REFERENCES on a column. */
function foreignKeyOf(table, con, columns) {
    const fk = {
        table,
        columns: columns ?? names(con.fk_attrs),
        refTable: rangeVarName(con.pktable),
        refColumns: names(con.pk_attrs),
    };
    if (con.conname)
        fk.name = String(con.conname);
    return fk;
}
const sameTable = (a, b) => TableMap.key(a) === TableMap.key(b);
/**
 * The other tables a type change of table.column locks: PostgreSQL rebuilds every foreign key on
 * the column, which takes ACCESS EXCLUSIVE on the table at the other end too (checked on
 * PostgreSQL 15 in pg_locks, for both the referencing and the referenced side).
 */
function foreignKeyPartners(state, table, column) {
    const partners = new Set();
    for (const fk of state.foreignKeys) {
        if (sameTable(fk.table, table) && fk.columns.includes(column))
            partners.add(fk.refTable);
        if (sameTable(fk.refTable, table) && (fk.refColumns.length === 0 || fk.refColumns.includes(column)))
            partners.add(fk.table);
    }
    for (const t of partners)
        if (sameTable(t, table))
            partners.delete(t);
    return [...partners];
}
function alterCommand(table, cmd, state, existing, add, objtype, file, line) {
    const cols = state.columns.get(table);
    switch (cmd.subtype) {
        case 'AT_AddColumn': {
            const def = cmd.def?.ColumnDef ?? {};
            const type = typeOf(def.typeName);
            cols?.set(def.colname, type);
            if (!cols)
                state.columns.set(table, new Map([[def.colname, type]]));
            const reasons = [];
            const references = [];
            let hasDefault = false;
            let notNull = false;
            for (const c of def.constraints ?? []) {
                const con = c.Constraint ?? {};
                if (con.contype === 'CONSTR_DEFAULT') {
                    hasDefault = true;
                    const v = volatility(con.raw_expr);
                    if (v)
                        reasons.push(`default ${v}`);
                }
                if (con.contype === 'CONSTR_IDENTITY') {
                    reasons.push('identity column');
                    hasDefault = true;
                }
                if (con.contype === 'CONSTR_GENERATED' && con.generated_kind !== 'v') {
                    reasons.push('GENERATED … STORED');
                    hasDefault = true;
                }
                if (con.contype === 'CONSTR_NOTNULL' || con.contype === 'CONSTR_PRIMARY')
                    notNull = true;
                if (con.contype === 'CONSTR_FOREIGN') {
                    const ref = rangeVarName(con.pktable);
                    references.push(ref);
                    state.foreignKeys.push(foreignKeyOf(table, con, [def.colname]));
                    // An inline REFERENCES cannot be NOT VALID: it is validated at once, locking both tables.
                    if (existing)
                        add(SQL_RULES.addForeignKey, `ADD COLUMN ${def.colname} … REFERENCES ${ref} on ${table} adds a validated foreign key, locking ${ref} (SHARE ROW EXCLUSIVE) as well as ${table}; add the column plain, then ADD CONSTRAINT … FOREIGN KEY … NOT VALID and VALIDATE CONSTRAINT`);
                }
                if (existing && (con.contype === 'CONSTR_UNIQUE' || con.contype === 'CONSTR_PRIMARY'))
                    add(SQL_RULES.addUnique, `ADD COLUMN ${def.colname} … ${con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE'} on ${table} builds its index under ACCESS EXCLUSIVE; add the column, build the index CONCURRENTLY, then ADD CONSTRAINT … USING INDEX`);
            }
            if (SERIAL_TYPES.has(type.name)) {
                reasons.push(`${type.name} (nextval default)`);
                hasDefault = true;
            }
            if (state.domainsWithCheck.has(type.name))
                reasons.push(`domain ${type.name} has a CHECK`);
            if (existing && reasons.length)
                add(SQL_RULES.addColumnRewrite, `ADD COLUMN ${def.colname} on ${table} rewrites the table: ${reasons.join('; ')}`);
            if (existing && notNull && !hasDefault)
                add(SQL_RULES.addRequiredColumn, `ADD COLUMN ${def.colname} NOT NULL without a default fails when ${table} has rows`);
            return {
                lock: 'ACCESS EXCLUSIVE',
                rewrites: reasons.length > 0,
                inverse: `DROP COLUMN IF EXISTS ${quoteIdent(def.colname)}`,
                ...(references.length ? { alsoLocks: references, alsoLock: 'SHARE ROW EXCLUSIVE' } : {}),
            };
        }
        case 'AT_DropColumn':
            if (existing)
                add(SQL_RULES.dropColumn, `DROP COLUMN ${cmd.name} on ${table} deletes its data`);
            cols?.delete(cmd.name);
            return {
                lock: 'ACCESS EXCLUSIVE',
                irreversible: `dropped column ${cmd.name} cannot be restored with its data`,
            };
        case 'AT_AlterColumnType': {
            const def = cmd.def?.ColumnDef ?? {};
            const to = typeOf(def.typeName);
            const from = cols?.get(cmd.name);
            const safe = def.raw_default ? false : typeChangeIsSafe(from, to);
            if (existing && safe !== true) {
                // `from` is unknown for a table no migration in the catalog created (USING makes safe false
                // even then), so the message must not depend on it.
                const why = !from
                    ? `the current type of ${cmd.name} is unknown to this catalog, so ${typeText(to)} may rewrite`
                    : `${typeText(from)} → ${typeText(to)}${def.raw_default ? ' with USING' : ''} rewrites`;
                const also = foreignKeyPartners(state, table, cmd.name);
                add(SQL_RULES.alterColumnType, `ALTER COLUMN ${cmd.name} TYPE ${typeText(to)} on ${table}: ${why} the table under ACCESS EXCLUSIVE${also.length ? `, and rebuilding its foreign keys takes ACCESS EXCLUSIVE on ${also.join(', ')} too` : ''}`);
            }
            cols?.set(cmd.name, to);
            const partners = foreignKeyPartners(state, table, cmd.name);
            const result = { lock: 'ACCESS EXCLUSIVE', rewrites: safe !== true };
            if (partners.length) {
                result.alsoLocks = partners;
                result.alsoLock = 'ACCESS EXCLUSIVE';
            }
            if (from)
                result.inverse = `ALTER COLUMN ${quoteIdent(cmd.name)} TYPE ${typeText(from)}`;
            else
                result.irreversible = `the previous type of ${cmd.name} is unknown`;
            return result;
        }
        case 'AT_SetNotNull':
            if (existing && !state.validatedNotNull.has(`${table}.${cmd.name}`))
                add(SQL_RULES.setNotNull, `SET NOT NULL on ${table}.${cmd.name} scans the table under ACCESS EXCLUSIVE; no validated CHECK (${cmd.name} IS NOT NULL) precedes it`);
            return { lock: 'ACCESS EXCLUSIVE', inverse: `ALTER COLUMN ${quoteIdent(cmd.name)} DROP NOT NULL` };
        case 'AT_DropNotNull':
            return { lock: 'ACCESS EXCLUSIVE', inverse: `ALTER COLUMN ${quoteIdent(cmd.name)} SET NOT NULL` };
        case 'AT_ColumnDefault':
            // Setting a default is undone by dropping it (when there was none before); dropping one is not.
            return cmd.def
                ? { lock: 'ACCESS EXCLUSIVE', inverse: `ALTER COLUMN ${quoteIdent(cmd.name)} DROP DEFAULT` }
                : { lock: 'ACCESS EXCLUSIVE', irreversible: 'the previous default is unknown' };
        case 'AT_AddConstraint': {
            const con = cmd.def?.Constraint ?? {};
            const name = con.conname;
            const inverse = name ? `DROP CONSTRAINT IF EXISTS ${quoteIdent(name)}` : undefined;
            const base = (lock, extra = {}) => ({
                lock,
                ...(inverse ? { inverse } : { irreversible: 'an unnamed constraint cannot be dropped by name' }),
                ...extra,
            });
            if (con.skip_validation && name && existing && file.inTransaction)
                file.notValidInTransaction.set(`${table}.${name}`, line);
            if (con.contype === 'CONSTR_FOREIGN') {
                const ref = rangeVarName(con.pktable);
                state.foreignKeys.push(foreignKeyOf(table, con));
                if (existing && !con.skip_validation)
                    add(SQL_RULES.addForeignKey, `ADD FOREIGN KEY ${name ?? ''} on ${table} validates every row while locking ${table} and ${ref}; add it NOT VALID, then VALIDATE CONSTRAINT`);
                return base('SHARE ROW EXCLUSIVE', { alsoLocks: [ref] });
            }
            if (con.contype === 'CONSTR_CHECK') {
                const col = notNullCheckColumn(con.raw_expr);
                if (con.skip_validation) {
                    if (col && name)
                        state.pendingNotNullChecks.set(`${table}.${name}`, col);
                }
                else {
                    if (existing)
                        add(SQL_RULES.addCheck, `ADD CHECK ${name ?? ''} on ${table} scans the table under ACCESS EXCLUSIVE; add it NOT VALID, then VALIDATE CONSTRAINT`);
                    if (col)
                        state.validatedNotNull.add(`${table}.${col}`);
                }
                return base('ACCESS EXCLUSIVE');
            }
            if (con.contype === 'CONSTR_UNIQUE' ||
                con.contype === 'CONSTR_PRIMARY' ||
                con.contype === 'CONSTR_EXCLUSION') {
                if (existing && !con.indexname)
                    add(SQL_RULES.addUnique, `ADD ${con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : con.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'EXCLUDE'} ${name ?? ''} on ${table} builds its index under ACCESS EXCLUSIVE; build it CONCURRENTLY and add USING INDEX`);
                return base('ACCESS EXCLUSIVE');
            }
            return base('ACCESS EXCLUSIVE');
        }
        case 'AT_ValidateConstraint': {
            const addedAt = file.inTransaction ? file.notValidInTransaction.get(`${table}.${cmd.name}`) : undefined;
            if (addedAt !== undefined)
                add(SQL_RULES.validateSameTransaction, `VALIDATE CONSTRAINT ${cmd.name} on ${table} runs in the transaction that added it NOT VALID (line ${addedAt}): the ADD's lock is held through the scan; COMMIT first or validate in a later migration`);
            const col = state.pendingNotNullChecks.get(`${table}.${cmd.name}`);
            if (col)
                state.validatedNotNull.add(`${table}.${col}`);
            return { lock: 'SHARE UPDATE EXCLUSIVE' };
        }
        case 'AT_DropConstraint':
            state.foreignKeys = state.foreignKeys.filter((fk) => !(fk.name === cmd.name && sameTable(fk.table, table)));
            return {
                lock: 'ACCESS EXCLUSIVE',
                irreversible: `the definition of constraint ${cmd.name} must be restored by hand`,
            };
        case 'AT_SetStatistics':
        case 'AT_SetOptions':
        case 'AT_ResetOptions':
        case 'AT_SetRelOptions':
        case 'AT_ResetRelOptions':
        case 'AT_ClusterOn':
        case 'AT_DropCluster':
        case 'AT_AttachPartition':
            return { lock: 'SHARE UPDATE EXCLUSIVE' };
        case 'AT_DetachPartition':
            return { lock: cmd.def?.PartitionCmd?.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' };
        case 'AT_EnableTrig':
        case 'AT_DisableTrig':
        case 'AT_EnableTrigAll':
        case 'AT_DisableTrigAll':
        case 'AT_EnableTrigUser':
        case 'AT_DisableTrigUser':
        case 'AT_AddIndex':
            return { lock: 'SHARE ROW EXCLUSIVE' };
        case 'AT_SetLogged':
        case 'AT_SetUnLogged':
            return { lock: 'ACCESS EXCLUSIVE', rewrites: true };
        default:
            return { lock: objtype === 'OBJECT_INDEX' ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE' };
    }
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/lexical.ts
/**
 * What the parser's AST cannot tell: PostgreSQL's scanner truncates a long identifier before the
 * grammar sees it, so the AST already holds the 63-byte name. One linear pass over the statement
 * text finds the identifiers as written, skipping strings, dollar quotes and comments.
 */
/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps. */
const MAX_IDENTIFIER_BYTES = 63;
const isIdentStart = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 0x80;
const isIdentPart = (c) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;
/** Identifiers longer than 63 bytes in one statement's text. */
function longIdentifiers(text) {
    const found = [];
    const n = text.length;
    let i = 0;
    const check = (name, offset) => {
        // Cheap length test first: a name of at most 63 UTF-16 units can still be over 63 bytes.
        if (name.length * 3 <= MAX_IDENTIFIER_BYTES)
            return;
        const bytes = Buffer.byteLength(name);
        if (bytes > MAX_IDENTIFIER_BYTES)
            found.push({ name, bytes, offset });
    };
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 45 && text.charCodeAt(i + 1) === 45) {
            while (i < n && text[i] !== '\n' && text[i] !== '\r')
                i++;
        }
        else if (c === 47 && text.charCodeAt(i + 1) === 42) {
            let depth = 1;
            i += 2;
            while (i < n && depth > 0) {
                if (text[i] === '/' && text[i + 1] === '*') {
                    depth++;
                    i += 2;
                }
                else if (text[i] === '*' && text[i + 1] === '/') {
                    depth--;
                    i += 2;
                }
                else
                    i++;
            }
        }
        else if (c === 39) {
            // '…' with '' inside; an E'…' string also takes backslash escapes.
            const escapes = i > 0 && (text[i - 1] === 'E' || text[i - 1] === 'e');
            i++;
            while (i < n) {
                if (escapes && text[i] === '\\')
                    i += 2;
                else if (text[i] === "'") {
                    if (text[i + 1] === "'")
                        i += 2;
                    else
                        break;
                }
                else
                    i++;
            }
            i++;
        }
        else if (c === 34) {
            const start = i;
            let name = '';
            i++;
            while (i < n) {
                if (text[i] === '"') {
                    if (text[i + 1] === '"') {
                        name += '"';
                        i += 2;
                    }
                    else
                        break;
                }
                else
                    name += text[i++];
            }
            i++;
            check(name, start);
        }
        else if (c === 36 && (i === 0 || !isIdentPart(text.charCodeAt(i - 1)))) {
            // $tag$ … $tag$ (a bare $1 parameter has no closing $ before a non-identifier character).
            let j = i + 1;
            while (j < n && isIdentPart(text.charCodeAt(j)) && text[j] !== '$')
                j++;
            if (text[j] === '$') {
                const tag = text.slice(i, j + 1);
                const close = text.indexOf(tag, j + 1);
                i = close < 0 ? n : close + tag.length;
            }
            else
                i = j;
        }
        else if (isIdentStart(c)) {
            const start = i;
            while (i < n && isIdentPart(text.charCodeAt(i)))
                i++;
            check(text.slice(start, i), start);
        }
        else
            i++;
    }
    return found;
}
/** Functions that read or write the server's file system (core and adminpack) or reach other servers. */
const SERVER_FILE_FUNCTIONS = new Set([
    'pg_read_file',
    'pg_read_binary_file',
    'pg_stat_file',
    'pg_ls_dir',
    'pg_ls_logdir',
    'pg_ls_waldir',
    'pg_ls_tmpdir',
    'pg_ls_archive_statusdir',
    'pg_ls_logicalsnapdir',
    'pg_ls_logicalmapdir',
    'pg_ls_replslotdir',
    'lo_import',
    'lo_export',
    'pg_file_write',
    'pg_file_rename',
    'pg_file_unlink',
    'pg_file_sync',
    'pg_logdir_ls',
]);
const BODY_PATTERNS = [
    { rule: 'drop-database', re: /\bdrop\s+database\b/i },
    { rule: 'copy-program', re: /\bprogram\s+'/i },
    {
        rule: 'server-file-access',
        re: new RegExp(`\\b(${[...SERVER_FILE_FUNCTIONS].join('|')})\\s*\\(`, 'i'),
    },
];
/** The dangerous operations a procedural body (DO, CREATE FUNCTION) spells out in its text. */
function dangerousInBody(body) {
    const out = [];
    for (const p of BODY_PATTERNS) {
        const m = p.re.exec(body);
        if (m)
            out.push({ rule: p.rule, match: m[0] });
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/analyse.ts






/** DROP of these takes ACCESS EXCLUSIVE on the relation itself. */
const DROPPED_RELATIONS = new Set([
    'OBJECT_VIEW',
    'OBJECT_MATVIEW',
    'OBJECT_SEQUENCE',
    'OBJECT_FOREIGN_TABLE',
]);
/** DROP of these takes ACCESS EXCLUSIVE on the table they belong to. */
const DROPPED_ON_TABLE = new Set(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE']);


/**
 * Analyses one migration file's statements. `state` carries what earlier files established (pass
 * the same object for every file in catalog order); `assumeInTransaction` says the runner wraps
 * the file in a transaction.
 */
/** Names of every function the statement calls (last name component), anywhere in its AST. */
function functionCalls(node) {
    const names = [];
    const stack = [node];
    while (stack.length) {
        const n = stack.pop();
        if (Array.isArray(n))
            stack.push(...n);
        else if (n && typeof n === 'object') {
            const call = n.FuncCall;
            if (call) {
                const parts = call.funcname ?? [];
                const last = parts[parts.length - 1]?.String?.sval;
                if (last)
                    names.push(String(last).toLowerCase());
            }
            for (const v of Object.values(n))
                if (v && typeof v === 'object')
                    stack.push(v);
        }
    }
    return names;
}
/** The source text of a DO block or a CREATE FUNCTION/PROCEDURE body (none for other statements). */
function proceduralBodies(kind, b) {
    const options = kind === 'DoStmt' ? b.args : kind === 'CreateFunctionStmt' ? b.options : [];
    const out = [];
    for (const o of options ?? []) {
        if (o?.DefElem?.defname !== 'as')
            continue;
        const arg = o.DefElem.arg;
        if (arg?.String?.sval)
            out.push(arg.String.sval);
        for (const item of arg?.List?.items ?? [])
            if (item?.String?.sval)
                out.push(item.String.sval);
    }
    return out;
}
function truncateToBytes(name, bytes) {
    const buf = Buffer.from(name);
    // Drop a split multi-byte character at the cut, as PostgreSQL's pg_mbcliplen does.
    return buf
        .subarray(0, bytes)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
}
function analyseStatements(statements, state = emptySchemaState(), options = {}) {
    const file = {
        inTransaction: options.assumeInTransaction ?? false,
        lockTimeout: { session: false, atBegin: false },
        statementTimeout: { session: false, atBegin: false },
        createdHere: new Set(),
        notValidInTransaction: new Map(),
    };
    const reports = [];
    let needsNoTransaction = false;
    statements.forEach((s, index) => {
        let report;
        try {
            report = analyseOne(s, index, state, file);
            if (report.kind === 'IndexStmt' ||
                report.kind === 'DropStmt' ||
                report.kind === 'ReindexStmt' ||
                report.kind === 'VacuumStmt') {
                const [, b] = unwrap(s.node);
                if (b.concurrent || report.kind === 'VacuumStmt' || hasOption(b.params, 'concurrently'))
                    needsNoTransaction = true;
            }
        }
        catch (error) {
            // A bug on one statement must not lose the findings of the others, nor surface as a bare
            // exception without a location: it becomes an error finding at the statement.
            report = analyserFailure(s, index, error);
        }
        reports.push(report);
    });
    const findings = reports.flatMap((r) => r.findings);
    const detectedRisk = findings.reduce((acc, f) => maxRisk(acc, f.risk), 'low');
    const maxLock = reports.reduce((acc, r) => (lockRank(r.lock) > lockRank(acc) ? r.lock : acc), null);
    return {
        statements: reports,
        findings,
        detectedRisk,
        maxLock,
        rewrites: reports.some((r) => r.rewrites),
        needsNoTransaction,
    };
}
function analyserFailure(s, index, error) {
    let kind = 'Unknown';
    try {
        kind = unwrap(s.node)[0];
    }
    catch {
        // the node itself is unreadable; keep 'Unknown'
    }
    const r = SQL_RULES.analyserError;
    return {
        index,
        kind,
        line: s.line,
        column: s.column,
        endLine: s.endLine,
        tables: [],
        lock: null,
        rewrites: false,
        findings: [
            {
                ruleId: r.id,
                risk: r.risk,
                level: r.level,
                message: `catalog-gate could not analyse this ${kind} (${error instanceof Error ? error.message : String(error)}); its locks and risk are unknown, so review it by hand`,
                line: s.line,
                column: s.column,
                statement: index,
            },
        ],
        irreversible: 'the statement could not be analysed',
    };
}
const strongest = (a, b) => lockRank(b) > lockRank(a) ? b : a;
function analyseOne(s, index, state, file) {
    const [kind, b] = unwrap(s.node);
    const report = {
        index,
        kind,
        line: s.line,
        column: s.column,
        endLine: s.endLine,
        tables: [],
        lock: null,
        rewrites: false,
        findings: [],
    };
    const add = (r, message) => {
        report.findings.push({
            ruleId: r.id,
            risk: r.risk,
            level: r.level,
            message,
            line: s.line,
            column: s.column,
            statement: index,
        });
    };
    const existing = (table) => !file.createdHere.has(table);
    const lockOn = (table, lock) => {
        if (!existing(table))
            return;
        if (!report.tables.includes(table))
            report.tables.push(table);
        report.lock = strongest(report.lock, lock);
    };
    switch (kind) {
        case 'VariableSetStmt': {
            if (b.name === 'lock_timeout' || b.name === 'statement_timeout') {
                const value = b.args?.[0]?.A_Const;
                const raw = value?.sval?.sval ?? value?.ival?.ival ?? (value?.ival ? 0 : undefined);
                const set = b.kind === 'VAR_SET_VALUE' && raw !== undefined && !/^0+\s*(ms|s|min)?$/i.test(String(raw));
                const t = b.name === 'lock_timeout' ? file.lockTimeout : file.statementTimeout;
                // SET LOCAL before any BEGIN counts: migration runners (and the proof) run a file without
                // CONCURRENTLY in one transaction. It ends at the next COMMIT or ROLLBACK.
                if (b.is_local)
                    t.local = set;
                else {
                    t.session = set;
                    delete t.local;
                }
            }
            break;
        }
        case 'TransactionStmt': {
            if (b.kind === 'TRANS_STMT_BEGIN' || b.kind === 'TRANS_STMT_START') {
                file.inTransaction = true;
                file.lockTimeout.atBegin = file.lockTimeout.session;
                file.statementTimeout.atBegin = file.statementTimeout.session;
            }
            if (b.kind === 'TRANS_STMT_COMMIT')
                endTransaction(file, true);
            if (b.kind === 'TRANS_STMT_ROLLBACK')
                endTransaction(file, false);
            break;
        }
        case 'IndexStmt': {
            const table = rangeVarName(b.relation);
            if (b.idxname)
                state.indexTables.set(b.idxname, table);
            if (b.concurrent) {
                lockOn(table, 'SHARE UPDATE EXCLUSIVE');
                if (file.inTransaction)
                    add(SQL_RULES.concurrentInTx, `CREATE INDEX CONCURRENTLY ${b.idxname ?? ''} cannot run inside a transaction block`);
                if (timeoutSet(file.statementTimeout) && existing(table))
                    add(SQL_RULES.statementTimeoutConcurrent, `CREATE INDEX CONCURRENTLY ${b.idxname ?? ''} on ${table} runs under the statement_timeout set earlier; a cancelled build leaves an INVALID index. SET statement_timeout = 0 before it`);
            }
            else {
                lockOn(table, 'SHARE');
                if (existing(table))
                    add(SQL_RULES.createIndex, `CREATE INDEX ${b.idxname ?? ''} on ${table} blocks writes (SHARE lock) while it builds; use CONCURRENTLY`);
            }
            if (b.idxname)
                report.inverse = `DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(b.relation?.schemaname ? `${b.relation.schemaname}.${b.idxname}` : b.idxname)};`;
            else
                report.irreversible = 'an unnamed index cannot be dropped by name';
            break;
        }
        case 'DropStmt': {
            const names = (b.objects ?? []).map(qualifiedFromList);
            if (b.removeType === 'OBJECT_INDEX') {
                for (const idx of names) {
                    const table = state.indexTables.get(idx) ?? state.indexTables.get(idx.split('.').pop()) ?? `(table of ${idx})`;
                    if (b.concurrent) {
                        lockOn(table, 'SHARE UPDATE EXCLUSIVE');
                        if (file.inTransaction)
                            add(SQL_RULES.concurrentInTx, `DROP INDEX CONCURRENTLY ${idx} cannot run inside a transaction block`);
                    }
                    else {
                        lockOn(table, 'ACCESS EXCLUSIVE');
                        if (existing(table))
                            add(SQL_RULES.dropIndex, `DROP INDEX ${idx} takes ACCESS EXCLUSIVE on ${table}; use DROP INDEX CONCURRENTLY`);
                    }
                }
                report.irreversible = 'the index definition must be re-created by hand';
            }
            else if (b.removeType === 'OBJECT_TABLE') {
                for (const t of names) {
                    lockOn(t, 'ACCESS EXCLUSIVE');
                    if (existing(t))
                        add(SQL_RULES.dropTable, `DROP TABLE ${t} deletes its data; a back-out cannot restore it`);
                    state.columns.delete(t);
                    state.foreignKeys = state.foreignKeys.filter((fk) => fk.table !== t && fk.refTable !== t);
                }
                report.irreversible = 'dropped table data cannot be restored';
            }
            else if (DROPPED_RELATIONS.has(b.removeType)) {
                for (const n of names)
                    lockOn(n, 'ACCESS EXCLUSIVE');
            }
            else if (DROPPED_ON_TABLE.has(b.removeType)) {
                // DROP TRIGGER t ON x, DROP POLICY, DROP RULE: the name list ends with the object's own
                // name; the table before it is what is locked.
                for (const n of names)
                    lockOn(n.split('.').slice(0, -1).join('.') || n, 'ACCESS EXCLUSIVE');
            }
            // Anything else (a function, procedure, type, domain, extension, schema…) is no relation:
            // dropping it locks no table.
            break;
        }
        case 'AlterTableStmt': {
            const table = rangeVarName(b.relation);
            const inverses = [];
            let irreversible;
            for (const cmdNode of b.cmds ?? []) {
                const cmd = cmdNode.AlterTableCmd ?? {};
                const r = alterCommand(table, cmd, state, existing(table), add, b.objtype, file, s.line);
                lockOn(table, r.lock);
                for (const extra of r.alsoLocks ?? [])
                    lockOn(extra, r.alsoLock ?? r.lock);
                if (r.rewrites && existing(table))
                    report.rewrites = true;
                if (r.inverse)
                    inverses.unshift(r.inverse);
                if (r.irreversible)
                    irreversible ??= r.irreversible;
            }
            if (irreversible)
                report.irreversible = irreversible;
            else if (inverses.length)
                report.inverse = `ALTER TABLE ${quoteIdent(table)} ${inverses.join(', ')};`;
            break;
        }
        case 'RenameStmt': {
            const table = rangeVarName(b.relation);
            if (b.renameType === 'OBJECT_COLUMN') {
                lockOn(table, 'ACCESS EXCLUSIVE');
                if (existing(table))
                    add(SQL_RULES.renameColumn, `RENAME COLUMN ${b.subname} TO ${b.newname} on ${table} breaks code that still uses the old name`);
                report.inverse = `ALTER TABLE ${quoteIdent(table)} RENAME COLUMN ${quoteIdent(b.newname)} TO ${quoteIdent(b.subname)};`;
            }
            else if (b.renameType === 'OBJECT_TABLE') {
                lockOn(table, 'ACCESS EXCLUSIVE');
                if (existing(table))
                    add(SQL_RULES.renameTable, `RENAME ${table} TO ${b.newname} breaks code that still uses the old name`);
                const schema = b.relation?.schemaname ? `${b.relation.schemaname}.` : '';
                report.inverse = `ALTER TABLE ${quoteIdent(schema + b.newname)} RENAME TO ${quoteIdent(b.relation?.relname ?? '')};`;
                const cols = state.columns.get(table);
                if (cols) {
                    state.columns.delete(table);
                    state.columns.set(schema + b.newname, cols);
                }
            }
            else if (b.renameType === 'OBJECT_INDEX') {
                lockOn(state.indexTables.get(table) ?? table, 'SHARE UPDATE EXCLUSIVE');
            }
            else if (b.relation) {
                lockOn(table, 'ACCESS EXCLUSIVE');
            }
            break;
        }
        case 'TruncateStmt': {
            for (const rel of b.relations ?? []) {
                const t = rangeVarName(rel.RangeVar);
                lockOn(t, 'ACCESS EXCLUSIVE');
                if (existing(t))
                    add(SQL_RULES.truncate, `TRUNCATE ${t} deletes every row`);
            }
            report.irreversible = 'truncated rows cannot be restored';
            break;
        }
        case 'VacuumStmt': {
            const full = hasOption(b.options, 'full');
            const tables = (b.rels ?? []).map((r) => rangeVarName(r.VacuumRelation?.relation));
            for (const t of tables.length ? tables : ['(all tables)']) {
                lockOn(t, full ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE');
                if (full && existing(t))
                    add(SQL_RULES.vacuumFull, `VACUUM FULL ${t} rewrites it under ACCESS EXCLUSIVE`);
            }
            if (full)
                report.rewrites = true;
            break;
        }
        case 'ClusterStmt': {
            const t = b.relation ? rangeVarName(b.relation) : '(all clustered tables)';
            lockOn(t, 'ACCESS EXCLUSIVE');
            if (existing(t))
                add(SQL_RULES.cluster, `CLUSTER ${t} rewrites it under ACCESS EXCLUSIVE`);
            report.rewrites = true;
            break;
        }
        case 'ReindexStmt': {
            const target = b.relation ? rangeVarName(b.relation) : String(b.name ?? '?');
            const table = b.kind === 'REINDEX_OBJECT_INDEX'
                ? (state.indexTables.get(target) ?? `(table of ${target})`)
                : target;
            if (hasOption(b.params, 'concurrently')) {
                lockOn(table, 'SHARE UPDATE EXCLUSIVE');
                if (file.inTransaction)
                    add(SQL_RULES.concurrentInTx, `REINDEX CONCURRENTLY ${target} cannot run inside a transaction block`);
                if (timeoutSet(file.statementTimeout) && existing(table))
                    add(SQL_RULES.statementTimeoutConcurrent, `REINDEX CONCURRENTLY ${target} runs under the statement_timeout set earlier; a cancelled rebuild leaves an INVALID index behind. SET statement_timeout = 0 before it`);
            }
            else {
                lockOn(table, 'SHARE');
                if (existing(table))
                    add(SQL_RULES.reindex, `REINDEX ${target} blocks writes to ${table} and reads through the index; use REINDEX CONCURRENTLY`);
            }
            break;
        }
        case 'CreateStmt': {
            const table = rangeVarName(b.relation);
            const cols = new Map();
            for (const elt of b.tableElts ?? []) {
                if (elt.ColumnDef) {
                    cols.set(elt.ColumnDef.colname, typeOf(elt.ColumnDef.typeName));
                    for (const c of elt.ColumnDef.constraints ?? [])
                        if (c.Constraint?.contype === 'CONSTR_FOREIGN') {
                            lockOn(rangeVarName(c.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
                            state.foreignKeys.push(foreignKeyOf(table, c.Constraint, [elt.ColumnDef.colname]));
                        }
                }
                if (elt.Constraint?.contype === 'CONSTR_FOREIGN') {
                    lockOn(rangeVarName(elt.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
                    state.foreignKeys.push(foreignKeyOf(table, elt.Constraint));
                }
            }
            state.columns.set(table, cols);
            file.createdHere.add(table);
            report.inverse = `DROP TABLE IF EXISTS ${quoteIdent(table)};`;
            break;
        }
        case 'CreateTableAsStmt': {
            // CREATE TABLE … AS / CREATE MATERIALIZED VIEW … AS / SELECT … INTO make a new relation:
            // later statements on it in this file touch an empty-to-everyone-else table.
            const rel = rangeVarName(b.into?.rel);
            if (!state.columns.has(rel))
                state.columns.set(rel, new Map());
            file.createdHere.add(rel);
            report.inverse =
                b.objtype === 'OBJECT_MATVIEW'
                    ? `DROP MATERIALIZED VIEW IF EXISTS ${quoteIdent(rel)};`
                    : `DROP TABLE IF EXISTS ${quoteIdent(rel)};`;
            break;
        }
        case 'SelectStmt':
            if (b.intoClause?.rel) {
                const rel = rangeVarName(b.intoClause.rel);
                if (!state.columns.has(rel))
                    state.columns.set(rel, new Map());
                file.createdHere.add(rel);
                report.inverse = `DROP TABLE IF EXISTS ${quoteIdent(rel)};`;
            }
            break;
        case 'DoStmt':
            add(SQL_RULES.doBlock, 'DO block: its body is not analysed, so its locks, rewrites and data loss are unknown; use plain statements or review it by hand');
            break;
        case 'CreateDomainStmt': {
            const name = qualifiedFromList({ List: { items: b.domainname ?? [] } });
            if ((b.constraints ?? []).some((c) => c.Constraint?.contype === 'CONSTR_CHECK'))
                state.domainsWithCheck.add(name);
            report.inverse = `DROP DOMAIN IF EXISTS ${quoteIdent(name)};`;
            break;
        }
        case 'AlterDomainStmt': {
            if (b.subtype === 'C' && b.def?.Constraint?.contype === 'CONSTR_CHECK')
                state.domainsWithCheck.add(qualifiedFromList({ List: { items: b.typeName ?? [] } }));
            break;
        }
        case 'ViewStmt': {
            const v = rangeVarName(b.view);
            if (b.replace)
                lockOn(v, 'ACCESS EXCLUSIVE');
            else
                report.inverse = `DROP VIEW IF EXISTS ${quoteIdent(v)};`;
            break;
        }
        case 'CreateSeqStmt':
            report.inverse = `DROP SEQUENCE IF EXISTS ${quoteIdent(rangeVarName(b.sequence))};`;
            break;
        case 'InsertStmt':
        case 'UpdateStmt':
        case 'DeleteStmt':
        case 'MergeStmt': {
            const table = rangeVarName(b.relation);
            lockOn(table, 'ROW EXCLUSIVE');
            if (kind !== 'InsertStmt')
                report.irreversible = 'changed rows cannot be restored from SQL alone';
            if ((kind === 'UpdateStmt' || kind === 'DeleteStmt') && !b.whereClause && existing(table))
                add(kind === 'DeleteStmt' ? SQL_RULES.deleteWithoutWhere : SQL_RULES.updateWithoutWhere, kind === 'DeleteStmt'
                    ? `DELETE FROM ${table} without WHERE deletes every row and holds every row lock until the migration commits; no back-out restores them`
                    : `UPDATE ${table} without WHERE writes every row and holds every row lock until the migration commits; backfill in batches outside the migration`);
            break;
        }
        case 'DropdbStmt':
            add(SQL_RULES.dropDatabase, `DROP DATABASE ${b.dbname ?? ''} never belongs in a migration; the back-out proof does not run it`);
            report.irreversible = 'a dropped database cannot be restored';
            break;
        case 'CopyStmt':
            if (b.is_program)
                add(SQL_RULES.copyProgram, `COPY … ${b.is_from ? 'FROM' : 'TO'} PROGRAM runs a shell command on the database server; never in a migration (the back-out proof does not run it)`);
            else if (b.filename)
                add(SQL_RULES.serverFileAccess, `COPY … ${b.is_from ? 'FROM' : 'TO'} a server file reaches the database server's file system; use COPY … ${b.is_from ? 'FROM STDIN' : 'TO STDOUT'} from the client`);
            break;
        case 'LockStmt': {
            const mode = LOCK_LEVELS[(Number(b.mode) || 8) - 1] ?? 'ACCESS EXCLUSIVE';
            for (const rel of b.relations ?? [])
                lockOn(rangeVarName(rel.RangeVar), mode);
            break;
        }
        case 'RefreshMatViewStmt':
            lockOn(rangeVarName(b.relation), b.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE');
            break;
        case 'CreateTrigStmt':
            lockOn(rangeVarName(b.relation), 'SHARE ROW EXCLUSIVE');
            break;
        case 'CommentStmt':
            break;
    }
    for (const name of new Set(functionCalls(s.node)))
        if (SERVER_FILE_FUNCTIONS.has(name))
            add(SQL_RULES.serverFileAccess, `${name}() reaches the database server's file system; never in a migration (the back-out proof does not run it)`);
    for (const body of proceduralBodies(kind, b))
        for (const d of dangerousInBody(body))
            add(d.rule === 'drop-database'
                ? SQL_RULES.dropDatabase
                : d.rule === 'copy-program'
                    ? SQL_RULES.copyProgram
                    : SQL_RULES.serverFileAccess, `the ${kind === 'DoStmt' ? 'DO block' : 'function body'} contains "${d.match.trim()}", which never belongs in a migration (the back-out proof does not run it)`);
    if (s.text)
        for (const id of longIdentifiers(s.text))
            add(SQL_RULES.identifierTooLong, `identifier ${id.name.slice(0, 20)}… is ${id.bytes} bytes; PostgreSQL truncates it to ${MAX_IDENTIFIER_BYTES} (${truncateToBytes(id.name, MAX_IDENTIFIER_BYTES).slice(-12)} is the end of the name it keeps)`);
    if (lockRank(report.lock) >= lockRank('SHARE') &&
        !timeoutSet(file.lockTimeout) &&
        report.tables.length > 0) {
        // statement_timeout also bounds the lock wait, but only by the statement's whole time limit:
        // every query behind the waiting statement queues that long. It does not replace lock_timeout.
        add(SQL_RULES.lockTimeout, `${report.lock} on ${report.tables.join(', ')} without a lock_timeout in effect (SET lock_timeout earlier in the file; a SET LOCAL ends at COMMIT or ROLLBACK)${timeoutSet(file.statementTimeout) ? ' (the statement_timeout set earlier lets queries queue behind the lock wait for that whole time; set lock_timeout too)' : ''}`);
    }
    return report;
}
/**
 * Suggested back-out for a migration without a down script: the inverse of each statement, last
 * first. Statements that cannot be undone (data loss) are listed as irreversible.
 */
function suggestBackout(analysis) {
    const lines = [];
    const irreversible = [];
    for (const s of [...analysis.statements].reverse()) {
        if (s.irreversible)
            irreversible.push({ line: s.line, reason: s.irreversible });
        else if (s.inverse)
            lines.push(s.inverse);
    }
    return { sql: lines.join('\n'), irreversible: irreversible.reverse() };
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/catalog.ts
/**
 * The migration catalog: loading with YAML positions, JSON Schema validation, drift between the
 * catalog and the migrations directory, built-in policy, and declared-vs-detected risk. Pure apart
 * from nothing: callers pass the text and the directory listing, so the CLI, the action and the
 * tests share every decision.
 */


// Compiled ahead of time (schema/build-validator.ts): compiling at start-up costs ~300 ms per run.


const CATALOG_RULES = {
    yaml: { id: 'catalog-yaml', shortDescription: 'The catalog is not valid YAML', defaultLevel: 'error' },
    pathOutside: {
        id: 'path-outside-workspace',
        shortDescription: 'A path resolves outside the workspace and was not read',
        defaultLevel: 'error',
    },
    fileUnreadable: {
        id: 'file-unreadable',
        shortDescription: 'A file cannot be read',
        defaultLevel: 'error',
    },
    schema: {
        id: 'catalog-schema',
        shortDescription: 'A catalog entry does not match catalog.schema.json',
        defaultLevel: 'error',
    },
    fileWithoutEntry: {
        id: 'drift-file-without-entry',
        shortDescription: 'A migration file has no catalog entry',
        defaultLevel: 'error',
    },
    entryWithoutFile: {
        id: 'drift-entry-without-file',
        shortDescription: 'A catalog entry has no migration file',
        defaultLevel: 'error',
    },
    duplicateId: {
        id: 'drift-duplicate-id',
        shortDescription: 'Two catalog entries share an id',
        defaultLevel: 'error',
    },
    outOfOrder: {
        id: 'drift-out-of-order',
        shortDescription: 'Catalog ids are not in ascending order',
        defaultLevel: 'error',
    },
    strayFile: {
        id: 'drift-stray-file',
        shortDescription: 'A .sql file in the migrations directory matches neither the up nor the down pattern',
        defaultLevel: 'error',
    },
    missingDir: {
        id: 'drift-missing-dir',
        shortDescription: 'The migrations directory does not exist',
        defaultLevel: 'error',
    },
    rollbackTarget: {
        id: 'rollback-target-missing',
        shortDescription: 'The rollback names a file or migration that does not exist',
        defaultLevel: 'error',
    },
    piiRetention: {
        id: 'pii-retention-required',
        shortDescription: 'PII without retention_days',
        defaultLevel: 'error',
    },
    rollbackRequired: {
        id: 'rollback-required',
        shortDescription: 'Medium/high risk without a rollback',
        defaultLevel: 'error',
    },
    readinessRequired: {
        id: 'readiness-required',
        shortDescription: 'Medium/high risk without a readiness checklist',
        defaultLevel: 'error',
    },
    ownerRequired: { id: 'owner-required', shortDescription: 'Entry without an owner', defaultLevel: 'error' },
    riskUnderstated: {
        id: 'risk-understated',
        shortDescription: 'Declared risk is lower than the risk detected in the SQL',
        defaultLevel: 'error',
    },
    sqlParse: { id: 'sql-parse-error', shortDescription: 'PostgreSQL rejects the SQL', defaultLevel: 'error' },
};
const validateCatalog = catalog_validate_generated;
function problem(rule, file, at, message, level = rule.defaultLevel) {
    return { ruleId: rule.id, level, message, location: { file, line: at.line, column: at.column } };
}
/**
 * Parses and schema-validates the catalog text. Returns the catalog only when it is structurally
 * valid; otherwise the problems (YAML syntax or schema), each at its YAML line:column.
 */
function parseCatalog(file, text) {
    let config;
    try {
        config = (0,lib_config/* parseConfig */.o4)(file, text);
    }
    catch (error) {
        if (error instanceof lib_config/* ConfigError */.xL)
            return { problems: [problem(CATALOG_RULES.yaml, file, error, error.problem)] };
        // The YAML library stops alias expansion past its limit (a "billion laughs" document) with a
        // plain error: it is a finding at the first alias, not a crash that loses every other finding.
        const before = text.search(/(^|[\s[{,:-])\*[^\s,\]}]+/);
        const line = before < 0 ? 1 : text.slice(0, before + 1).split(/\r\n|\r|\n/).length;
        return {
            problems: [
                {
                    ruleId: CATALOG_RULES.yaml.id,
                    level: 'error',
                    message: `${file}: the YAML exceeds a resource limit (${error.message.split('\n')[0]}); write the entries out instead of expanding aliases`,
                    location: { file, line },
                },
            ],
        };
    }
    // An empty file is an empty catalog, not a schema error.
    if (config.value === null || config.value === undefined)
        config = { ...config, value: [] };
    const schemaProblems = validateConfig(config, validateCatalog);
    if (schemaProblems.length) {
        return {
            problems: schemaProblems.map((p) => problem(CATALOG_RULES.schema, file, p, `${p.message} (see actions/catalog-gate/README.md#catalog-format)`)),
        };
    }
    return { catalog: { file, entries: config.value, config }, problems: [] };
}
const DEFAULT_PATTERN = { up: '{id}.up.sql', down: '{id}.down.sql' };
const fileFor = (pattern, id) => pattern.replace('{id}', id);
function patternRegex(pattern) {
    const [before, after] = pattern.split('{id}');
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${esc(before)}(.+)${esc(after ?? '')}$`);
}
const at = (catalog, path) => catalog.config.locate(path);
/**
 * Drift between the catalog and the directory listing (file names relative to the migrations
 * directory). `migrationsDir` is the display path used in messages; `files` null means the
 * directory does not exist.
 */
function checkDrift(catalog, migrationsDir, files, pattern = DEFAULT_PATTERN) {
    const out = [];
    if (files === null) {
        out.push(problem(CATALOG_RULES.missingDir, catalog.file, { line: 1, column: 1 }, `migrations directory '${migrationsDir}' does not exist; create it or set the migrations-dir input`));
        return out;
    }
    const present = new Set(files);
    const seen = new Map();
    let previous;
    catalog.entries.forEach((entry, i) => {
        const idPos = at(catalog, [i, 'id']);
        const first = seen.get(entry.id);
        if (first !== undefined) {
            out.push(problem(CATALOG_RULES.duplicateId, catalog.file, idPos, `duplicate id '${entry.id}' (first at line ${at(catalog, [first, 'id']).line}); give each migration its own id`));
        }
        else
            seen.set(entry.id, i);
        if (previous !== undefined && compareIds(entry.id, previous) < 0) {
            out.push(problem(CATALOG_RULES.outOfOrder, catalog.file, idPos, `id '${entry.id}' sorts before the previous entry '${previous}'; the catalog lists migrations in the order they apply`));
        }
        if (previous === undefined || compareIds(entry.id, previous) > 0)
            previous = entry.id;
        const up = fileFor(pattern.up, entry.id);
        if (!present.has(up))
            out.push(problem(CATALOG_RULES.entryWithoutFile, catalog.file, idPos, `no migration file ${migrationsDir}/${up} for '${entry.id}'; add it or remove the entry`));
        const rollback = entry.rollback?.trim();
        if (rollback && isDownFile(rollback) && !present.has(rollback)) {
            out.push(problem(CATALOG_RULES.rollbackTarget, catalog.file, at(catalog, [i, 'rollback']), `rollback file ${migrationsDir}/${rollback} does not exist`));
        }
        const revert = rollback && /^revert\s+(\S+)$/.exec(rollback);
        if (revert && revertsItself(entry, revert[1])) {
            const down = fileFor(pattern.down, entry.id);
            if (!present.has(down))
                out.push(problem(CATALOG_RULES.rollbackTarget, catalog.file, at(catalog, [i, 'rollback']), `'${rollback}' reverts this migration with its down file, but ${migrationsDir}/${down} does not exist`));
        }
        else if (revert && !catalog.entries.some((e) => e.id === revert[1])) {
            out.push(problem(CATALOG_RULES.rollbackTarget, catalog.file, at(catalog, [i, 'rollback']), `rollback names migration '${revert[1]}', which is not in the catalog`));
        }
    });
    const upRe = patternRegex(pattern.up);
    const downRe = patternRegex(pattern.down);
    for (const name of [...files].sort()) {
        const m = upRe.exec(name) ?? downRe.exec(name);
        if (!m) {
            // A misnamed migration (x.upp.sql) would otherwise never run, be checked or be proven.
            // Rollback files named in the catalog are expected and not stray.
            const named = catalog.entries.some((e) => e.rollback?.trim() === name);
            if (name.toLowerCase().endsWith('.sql') && !named)
                out.push(problem(CATALOG_RULES.strayFile, `${migrationsDir}/${name}`, { line: 1, column: 1 }, `${migrationsDir}/${name} matches neither ${pattern.up} nor ${pattern.down}, so the gate never checks or applies it; rename it or move it out of ${migrationsDir}`));
            continue;
        }
        if (!seen.has(m[1])) {
            out.push(problem(CATALOG_RULES.fileWithoutEntry, `${migrationsDir}/${name}`, { line: 1, column: 1 }, `${migrationsDir}/${name} has no entry '${m[1]}' in ${catalog.file}; add one (id, service, risk, pii, rollout, owner)`));
        }
    }
    return out;
}
/**
 * Natural order of migration ids: digit runs compare as numbers, everything else by code unit, so
 * `V2__x` sorts before `V10__x` (Flyway) as `000002_x` before `000010_x` (golang-migrate) and
 * `2025-11-10-001-x` before `2025-11-10-002-x`. Equal numbers with different zero padding fall back
 * to the plain string order, so the order is total.
 */
function compareIds(a, b) {
    const parts = (id) => id.match(/\d+|\D+/g) ?? [];
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        const x = pa[i];
        const y = pb[i];
        if (x === y)
            continue;
        const digits = /^\d/.test(x) && /^\d/.test(y);
        if (digits) {
            const nx = x.replace(/^0+(?=\d)/, '');
            const ny = y.replace(/^0+(?=\d)/, '');
            if (nx.length !== ny.length)
                return nx.length - ny.length;
            if (nx !== ny)
                return nx < ny ? -1 : 1;
        }
        if (!digits)
            return x < y ? -1 : 1;
    }
    if (pa.length !== pb.length)
        return pa.length - pb.length;
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * `revert <id>` naming the entry itself — its full id or its version prefix (what precedes the
 * name: `revert 2025-11-10-001` on `2025-11-10-001-add-user-phone`, `revert 000061` on
 * `000061_add_index`, `revert V3` on `V3__add_index`) — means "run this migration's own down
 * file", not "another migration undoes this one".
 */
function revertsItself(entry, target) {
    if (target === entry.id)
        return true;
    // The whole version: a prefix ending in a digit that only the name (a letter, after separators) follows.
    return (/\d$/.test(target) && entry.id.startsWith(target) && /^[-_.]+[A-Za-z]/.test(entry.id.slice(target.length)));
}
function isDownFile(rollback) {
    return /^[\w./-]+\.sql$/.test(rollback);
}
/** How an entry is backed out: its rollback field, else the conventional down file if present. */
function rollbackOf(entry, files, pattern = DEFAULT_PATTERN) {
    const r = entry.rollback?.trim();
    if (r) {
        if (isDownFile(r))
            return { kind: 'file', file: r };
        const revert = /^revert\s+(\S+)$/.exec(r);
        if (revert && revertsItself(entry, revert[1]))
            return { kind: 'file', file: fileFor(pattern.down, entry.id) };
        if (revert)
            return { kind: 'revert', id: revert[1] };
        return { kind: 'inline', sql: r };
    }
    const down = fileFor(pattern.down, entry.id);
    return files.has(down) ? { kind: 'file', file: down } : { kind: 'none' };
}
/** The built-in policy (mirrored by policy/opa/retention.rego for the PII part). */
function checkPolicy(catalog, files = new Set(), pattern = DEFAULT_PATTERN) {
    const out = [];
    catalog.entries.forEach((entry, i) => {
        const entryPos = at(catalog, [i]);
        if (entry.pii && entry.retention_days === undefined) {
            out.push(problem(CATALOG_RULES.piiRetention, catalog.file, at(catalog, [i, 'pii']), `'${entry.id}' stores PII but declares no retention_days; add retention_days: <days>`));
        }
        (entry.fields ?? []).forEach((field, j) => {
            if (field.pii && field.retention_days === undefined && entry.retention_days === undefined) {
                out.push(problem(CATALOG_RULES.piiRetention, catalog.file, at(catalog, [i, 'fields', j, 'pii']), `field '${field.name}' of '${entry.id}' is PII but neither it nor the entry declares retention_days`));
            }
        });
        if (!entry.owner)
            out.push(problem(CATALOG_RULES.ownerRequired, catalog.file, entryPos, `'${entry.id}' has no owner; add owner: '@team'`));
        if (entry.risk === 'medium' || entry.risk === 'high') {
            if (rollbackOf(entry, files, pattern).kind === 'none') {
                out.push(problem(CATALOG_RULES.rollbackRequired, catalog.file, at(catalog, [i, 'risk']), `'${entry.id}' is ${entry.risk} risk but has no rollback (a down file ${fileFor(pattern.down, entry.id)}, 'revert <id>' or an inline statement)`));
            }
            if (!entry.readiness) {
                out.push(problem(CATALOG_RULES.readinessRequired, catalog.file, at(catalog, [i, 'risk']), `'${entry.id}' is ${entry.risk} risk but has no readiness checklist (locks, long_transactions, size_estimate)`));
            }
        }
    });
    return out;
}
/** Declared risk lower than detected → an error at the entry's risk line showing both and why. */
function checkRisk(catalog, index, detected, findings) {
    const entry = catalog.entries[index];
    if (riskRank(entry.risk) >= riskRank(detected))
        return undefined;
    const why = findings
        .filter((f) => f.risk === detected)
        .slice(0, 3)
        .map((f) => `${f.ruleId} at ${f.file}:${f.line}`)
        .join(', ');
    return problem(CATALOG_RULES.riskUnderstated, catalog.file, at(catalog, [index, 'risk']), `'${entry.id}' declares risk ${entry.risk} but the SQL is ${detected} risk (${why}); raise risk to ${detected} or make the migration safer`);
}

// EXTERNAL MODULE: ./node_modules/libpg-query/wasm/index.cjs
var wasm = __webpack_require__(2627);
;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/positions.ts
/** Offset ↔ line/column conversion for SQL text (pure). */
class LineIndex {
    text;
    lineStarts;
    byteToChar;
    constructor(text) {
        this.text = text;
        this.lineStarts = [0];
        // Line breaks are \n, \r\n and a lone \r, as PostgreSQL's scanner and editors count them.
        for (let i = 0; i < text.length; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10))
                this.lineStarts.push(i + 1);
        }
    }
    /** 1-based line and column of a character offset. */
    position(offset) {
        const o = Math.max(0, Math.min(offset, this.text.length));
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= o)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: o - this.lineStarts[lo] + 1 };
    }
    /** Character offset of a UTF-8 byte offset (libpg-query locations are bytes). */
    charOfByte(byte) {
        if (!this.byteToChar) {
            // Pure ASCII is the common case: bytes and chars coincide.
            if (!/[^\x00-\x7f]/.test(this.text))
                return Math.min(byte, this.text.length);
            const map = new Int32Array(Buffer.byteLength(this.text) + 1);
            let b = 0;
            for (let c = 0; c < this.text.length; c++) {
                const code = this.text.codePointAt(c);
                const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
                for (let k = 0; k < width; k++)
                    map[b + k] = c;
                b += width;
                if (code >= 0x10000)
                    c++; // surrogate pair: two UTF-16 units
            }
            map[b] = this.text.length;
            this.byteToChar = map;
        }
        return this.byteToChar[Math.min(byte, this.byteToChar.length - 1)];
    }
    /** First offset in [from, to) that is not whitespace or a SQL comment. */
    skipTrivia(from, to) {
        const t = this.text;
        let i = from;
        while (i < to) {
            const ch = t[i];
            if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f')
                i++;
            else if (ch === '-' && t[i + 1] === '-') {
                // A -- comment ends at \n or \r (PostgreSQL's lexer: --[^\n\r]*); a lone \r is a line break.
                let j = i + 2;
                while (j < to && t[j] !== '\n' && t[j] !== '\r')
                    j++;
                i = j;
            }
            else if (ch === '/' && t[i + 1] === '*') {
                let depth = 1;
                i += 2;
                while (i < to && depth > 0) {
                    if (t[i] === '/' && t[i + 1] === '*') {
                        depth++;
                        i += 2;
                    }
                    else if (t[i] === '*' && t[i + 1] === '/') {
                        depth--;
                        i += 2;
                    }
                    else
                        i++;
                }
            }
            else
                break;
        }
        return Math.min(i, to);
    }
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/parser.ts
/**
 * The only module that loads libpg-query (wasm). The bundler special-cases this file (asset copy and
 * a locateFile/__dirname answer, ARCHITECTURE §2), so keep it tiny and keep every other module free of
 * the import. Positions: libpg-query reports statement locations in UTF-8 bytes and error cursors in
 * characters; both are converted here to 1-based line/column of the SQL file.
 */


class SqlParseError extends Error {
    file;
    line;
    column;
    constructor(file, line, column, reason) {
        super(`${file}:${line}:${column}: PostgreSQL parser: ${reason}`);
        this.name = 'SqlParseError';
        this.file = file;
        this.line = line;
        this.column = column;
    }
}
let loading;
/** Loads the wasm once per process; every later call returns the same promise. */
function loadParser() {
    loading ??= (0,wasm.loadModule)();
    return loading;
}
/** Parses a whole SQL file. Call (and await) loadParser() first. */
function parser_parseSql(sql, file = '<sql>') {
    const index = new LineIndex(sql);
    // libpg-query rejects empty input; a file of only comments is simply no statements.
    if (index.skipTrivia(0, sql.length) === sql.length)
        return [];
    let result;
    try {
        result = (0,wasm.parseSync)(sql);
    }
    catch (error) {
        const details = error.sqlDetails;
        // Without details it is not a SQL error (e.g. the wasm was not loaded): let it surface as is.
        if (!details)
            throw error;
        const cursor = details?.cursorPosition;
        // A cursor of -1 (or none) means "at end of input" (e.g. an unterminated string).
        const at = index.position(cursor === undefined || cursor < 0 ? sql.length : cursor);
        throw new SqlParseError(file, at.line, at.column, error.message);
    }
    return (result.stmts ?? []).map((raw) => {
        const byteStart = raw.stmt_location ?? 0;
        const byteEnd = raw.stmt_len ? byteStart + raw.stmt_len : Buffer.byteLength(sql);
        let start = index.charOfByte(byteStart);
        const end = index.charOfByte(byteEnd);
        // stmt_location points after the previous ';', so skip whitespace and comments to the first token.
        start = index.skipTrivia(start, end);
        const at = index.position(start);
        return {
            node: raw.stmt,
            start,
            end,
            line: at.line,
            column: at.column,
            endLine: index.position(Math.max(start, end - 1)).line,
            text: sql.slice(start, end),
        };
    });
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/scripts.ts
/** Turns SQL text into a runnable Script (statements with their lines) using the real parser. */


function scriptFromStatements(file, statements, generated = false) {
    const script = {
        file,
        statements: statements.map((s) => ({
            text: s.text,
            line: s.line,
            transactionControl: 'TransactionStmt' in s.node,
        })),
        noTransaction: analyseStatements(statements, emptySchemaState()).needsNoTransaction,
    };
    if (generated)
        script.generated = true;
    return script;
}
/** Throws SqlParseError (file:line:column) when PostgreSQL's parser rejects the text. */
function scriptFromSql(file, sql, generated = false) {
    return scriptFromStatements(file, parseSql(sql, file), generated);
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/policy.ts


const POLICY_ENTRYPOINT = 'summit/catalog/deny';
const BUILD_COMMAND = `opa build -t wasm -e ${POLICY_ENTRYPOINT} --ignore '*_test.rego' policy/opa`;
const BUILD_HINT = `build it with \`${BUILD_COMMAND}\` and pass bundle.tar.gz (or the policy.wasm inside it), or pass the .rego folder itself when opa is on PATH`;
const POLICY_RULES = {
    deny: {
        id: 'policy-deny',
        shortDescription: 'The custom Rego policy denies this entry',
        defaultLevel: 'error',
    },
    error: {
        id: 'policy-error',
        shortDescription: 'The custom Rego policy could not be loaded or evaluated',
        defaultLevel: 'error',
    },
};
/** Splits the file into the wasm module and the bundle's data document (if any). */
function policy_unpackPolicy(bytes, file) {
    const { wasm, data } = unpack(bytes, file, BUILD_HINT);
    return data === undefined ? { wasm } : { wasm, data };
}
const options = (entrypoint) => ({
    entrypoints: [entrypoint],
    hint: BUILD_HINT,
    now: () => new Date(),
    app: 'catalog-gate',
});
function asDenyPolicy(policy, entrypoint) {
    return {
        file: policy.file,
        deny(input) {
            const { result } = policy.evaluate(entrypoint, input);
            // An undefined rule gives an empty result set; a partial set rule with no match gives [].
            if (result === undefined)
                return [];
            if (!Array.isArray(result))
                throw new PolicyError(`policy ${policy.file}: ${entrypoint} is ${JSON.stringify(result)?.slice(0, 80)}; it must be a set of messages ('deny contains msg if …')`);
            return result;
        },
    };
}
async function loadRegoPolicy(bytes, file, entrypoint = POLICY_ENTRYPOINT) {
    return asDenyPolicy(await loadWasmPolicy(bytes, file, options(entrypoint)), entrypoint);
}
async function loadRegoPolicyFile(absolutePath, file) {
    return asDenyPolicy(await loadPolicyPath(absolutePath, file, options(POLICY_ENTRYPOINT)), POLICY_ENTRYPOINT);
}
/**
 * Deny messages → error findings. A message is placed at its entry's YAML line when it names the
 * entry: `{msg, id}` objects say so explicitly, plain strings are searched for a catalog id.
 */
function denyFindings(deny, catalog, policyFile) {
    const ids = catalog.entries.map((e, i) => ({ id: e.id, i })).sort((a, b) => b.id.length - a.id.length);
    return deny.map((item) => {
        let message;
        let named;
        if (typeof item === 'string')
            message = item;
        else if (item && typeof item === 'object' && typeof item.msg === 'string') {
            const o = item;
            message = o.msg;
            named = typeof o.id === 'string' ? o.id : typeof o.entry === 'string' ? o.entry : undefined;
        }
        else {
            return {
                ruleId: POLICY_RULES.error.id,
                level: 'error',
                message: `policy ${policyFile}: a deny element must be a string or {msg, id}; got ${JSON.stringify(item)?.slice(0, 80)}`,
                location: { file: policyFile, line: 1 },
            };
        }
        const hit = named !== undefined ? ids.find((x) => x.id === named) : ids.find((x) => message.includes(x.id));
        const finding = {
            ruleId: POLICY_RULES.deny.id,
            level: 'error',
            message: `${message} (policy ${policyFile})`,
        };
        if (hit) {
            const at = catalog.config.locate([hit.i, 'id']);
            finding.location = { file: catalog.file, line: at.line, column: at.column };
            finding.properties = { entryId: hit.id };
        }
        else
            finding.location = { file: catalog.file, line: 1 };
        return finding;
    });
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./lib/redact.ts + 2 modules
var redact = __webpack_require__(99133);
// EXTERNAL MODULE: ./lib/worker-entry.ts
var worker_entry = __webpack_require__(49115);
// EXTERNAL MODULE: ./actions/catalog-gate/src/pglite-role.ts
var pglite_role = __webpack_require__(43243);
// EXTERNAL MODULE: ./actions/catalog-gate/src/pglite-contrib.ts
var pglite_contrib = __webpack_require__(6502);
;// CONCATENATED MODULE: ./actions/catalog-gate/src/backout.ts
/**
 * The databases the back-out proof runs on (embedded PGlite, or a PostgreSQL server through
 * node-postgres) and schema snapshots from pg_catalog to compare before and after a back-out.
 *
 * We compare catalogs rather than pg_dump output: pg_dump 15.18 emits random `\restrict` lines, and
 * a re-added column lands at the end of the table, so column order is ignored by keying columns on
 * their names. NOT NULL is compared as the column property (attnotnull), never as a constraint:
 * PostgreSQL 18 (PGlite) records it as a named constraint too, PostgreSQL 15 does not.
 */





class DatabaseUnreachableError extends Error {
    endpoint;
    constructor(endpoint, reason) {
        super(`cannot connect to PostgreSQL at ${endpoint}: ${reason}; check that the server is running and database-url is right`);
        this.name = 'DatabaseUnreachableError';
        this.endpoint = endpoint;
    }
}
/**
 * The session was ended because a statement ran past the timeout. `resumable`: the same Database
 * object goes on with a fresh, empty session (embedded PGlite restarts), so the proof can rebuild
 * the schema and carry on; otherwise (a PostgreSQL sandbox) nothing later can run on it.
 */
class SessionEndedError extends Error {
    name = 'SessionEndedError';
    resumable;
    constructor(message, resumable) {
        super(message);
        this.resumable = resumable;
    }
}
const endedAfter = (limitMs) => `the proof session was ended after a statement ran for ${Math.round(limitMs / 1000)} s (past statement_timeout)`;
/** Extensions that are part of PGlite itself (no module to load). */
const PGLITE_BUILTIN = new Set(['plpgsql']);
/** Whether CREATE EXTENSION name can work on PGlite. */
function pgliteHasExtension(name) {
    return name in pglite_contrib/* PGLITE_CONTRIB */.G || PGLITE_BUILTIN.has(name);
}
/**
 * PGlite on a worker thread (see pglite-worker.ts). A statement that runs past `statementMs` ends
 * the worker, the way the watchdog ends a PostgreSQL session; the call fails with a resumable
 * SessionEndedError and the next call starts a fresh, empty PGlite.
 */
async function openPglite(extensionNames = [], options = {}) {
    let session = await startPgliteWorker(extensionNames);
    let closed = false;
    const run = async (op, sql) => {
        if (closed)
            throw new Error('PGlite closed');
        if (session.ended)
            session = await startPgliteWorker(extensionNames);
        const reply = await session.call(op, sql, options.statementMs);
        if (reply.ok)
            return reply.rows ?? [];
        // Timed out or crashed: the worker is gone with its schema, whatever the reason.
        if (session.ended)
            throw new SessionEndedError(reply.error.message, true);
        throw Object.assign(new Error(reply.error.message), reply.error);
    };
    return {
        label: 'PGlite (embedded)',
        exec: async (sql) => void (await run('exec', sql)),
        rows: async (sql) => (await run('rows', sql)),
        close: async () => {
            closed = true;
            await session.close();
        },
    };
}
// Not a `new URL('./pglite-worker.ts', import.meta.url)` literal: the bundler would copy the
// TypeScript file as an asset. A bundle runs its own entry instead (lib/worker-entry.ts).
const PGLITE_WORKER_FILE = './pglite-worker.ts';
const PGLITE_WORKER_SOURCE = new URL(PGLITE_WORKER_FILE, import.meta.url);
async function startPgliteWorker(extensionNames) {
    const worker = new external_node_worker_threads_.Worker((0,worker_entry/* workerScript */.wF)(PGLITE_WORKER_SOURCE), {
        workerData: { role: pglite_role/* PGLITE_WORKER_ROLE */.k, extensions: [...extensionNames] },
    });
    const waiting = new Map();
    let ended;
    const endAll = (why) => {
        ended ??= why;
        for (const [id, resolve] of waiting)
            resolve({ id, ok: false, error: { message: ended } });
        waiting.clear();
    };
    worker.on('message', (reply) => {
        waiting.get(reply.id)?.(reply);
        waiting.delete(reply.id);
    });
    worker.on('error', (error) => endAll(`PGlite stopped: ${error.message}`));
    worker.on('exit', () => endAll('PGlite stopped'));
    // The worker answers id 0 once its PGlite is ready (or fails to start).
    const ready = new Promise((resolve) => waiting.set(0, resolve));
    let next = 1;
    const session = {
        get ended() {
            return ended;
        },
        async call(op, sql, limitMs) {
            if (ended)
                return { id: 0, ok: false, error: { message: ended } };
            const id = next++;
            const reply = new Promise((resolve) => waiting.set(id, resolve));
            const timer = limitMs === undefined
                ? undefined
                : setTimeout(() => {
                    endAll(endedAfter(limitMs));
                    void worker.terminate();
                }, limitMs);
            const request = { id, op };
            if (sql !== undefined)
                request.sql = sql;
            worker.postMessage(request);
            try {
                return await reply;
            }
            finally {
                clearTimeout(timer);
            }
        },
        async close() {
            if (!ended)
                await session.call('close', undefined);
            ended ??= 'PGlite closed';
            await worker.terminate();
        },
    };
    const started = await ready;
    if (!started.ok) {
        await worker.terminate();
        throw new Error(`PGlite could not start: ${started.error.message}`);
    }
    return session;
}
/** host:port of a connection URL, for messages; the URL itself may hold a password. */
function endpointOf(url) {
    try {
        const u = new URL(url);
        return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
    }
    catch {
        return '(unparseable database-url)';
    }
}
async function openPostgres(url, options = {}) {
    const endpoint = endpointOf(url);
    const pg = (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849))).default;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new DatabaseUnreachableError(endpoint, 'database-url is not a valid postgres:// URL');
    }
    const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
        ...(options.options ? { options: options.options } : {}),
    });
    // An idle connection error would otherwise crash the process as an unhandled 'error' event.
    client.on('error', () => { });
    try {
        await client.connect();
    }
    catch (error) {
        // Server messages can name the user ("password authentication failed for user …"): scrub both parts.
        const scrub = new redact/* Redactor */.pO();
        scrub.addUrlCredentials(parsed);
        const reason = scrub.redact(error.message || String(error.code ?? error));
        await client.end().catch(() => { });
        throw new DatabaseUnreachableError(endpoint, reason);
    }
    let ended;
    // The server's statement_timeout is the first bound; a migration can turn it off, so this one
    // ends the session from a second connection (as the same role: it may signal its own backends).
    const guarded = async (sql) => {
        if (ended)
            throw new SessionEndedError(ended, false);
        const limit = options.watchdogMs;
        if (!limit)
            return (await client.query(sql));
        const pid = client.processID;
        let fired = false;
        const timer = setTimeout(() => {
            fired = true;
            void terminate(url, pid, options.connectTimeoutMs);
        }, limit);
        try {
            return (await client.query(sql));
        }
        catch (error) {
            if (!fired)
                throw error;
            ended = endedAfter(limit);
            throw new SessionEndedError(ended, false);
        }
        finally {
            clearTimeout(timer);
        }
    };
    return {
        label: endpoint,
        exec: async (sql) => void (await guarded(sql)),
        rows: async (sql) => (await guarded(sql)).rows,
        close: () => client.end(),
    };
}
async function terminate(url, pid, connectTimeoutMs = 5000) {
    const pg = (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849))).default;
    const killer = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
    killer.on('error', () => { });
    try {
        await killer.connect();
        await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    }
    catch {
        // The session may have ended by itself meanwhile; nothing else can be done from here.
    }
    finally {
        await killer.end().catch(() => { });
    }
}
const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;
const SNAPSHOT_QUERIES = [
    {
        kind: 'schema',
        sql: `SELECT n.nspname AS key, '' AS def FROM pg_namespace n WHERE ${USER_SCHEMAS} AND n.nspname <> 'public'`,
    },
    {
        kind: 'table',
        sql: `SELECT n.nspname || '.' || c.relname AS key, c.relkind::text || ' persistence=' || c.relpersistence::text
                 || CASE WHEN c.relrowsecurity THEN ' ROW LEVEL SECURITY' ELSE '' END
                 || CASE WHEN c.relforcerowsecurity THEN ' FORCE ROW LEVEL SECURITY' ELSE '' END AS def
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'f') AND ${USER_SCHEMAS}`,
    },
    {
        kind: 'column',
        sql: `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key,
                 format_type(a.atttypid, a.atttypmod)
                 || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                 || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                 || CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY BY DEFAULT' ELSE '' END
                 || CASE a.attgenerated WHEN 's' THEN ' GENERATED STORED' ELSE '' END
                 || CASE WHEN a.attcollation <> ty.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END AS def
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_type ty ON ty.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND ${USER_SCHEMAS}`,
    },
    {
        kind: 'index',
        sql: `SELECT n.nspname || '.' || ic.relname AS key, pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END AS def
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE ${USER_SCHEMAS}`,
    },
    {
        kind: 'constraint',
        sql: `SELECT n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || con.conname AS key,
                 pg_get_constraintdef(con.oid) || CASE WHEN con.convalidated THEN '' ELSE ' (not validated)' END AS def
          FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
          LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid
          WHERE con.contype <> 'n' AND ${USER_SCHEMAS}`,
    },
    {
        kind: 'sequence',
        sql: `SELECT n.nspname || '.' || c.relname AS key,
                 format_type(s.seqtypid, NULL) || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cycle ' || s.seqcycle AS def
          FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}`,
    },
    {
        kind: 'view',
        sql: `SELECT n.nspname || '.' || c.relname AS key, c.relkind::text || ' ' || pg_get_viewdef(c.oid) AS def
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND ${USER_SCHEMAS}`,
    },
    {
        kind: 'type',
        sql: `SELECT n.nspname || '.' || t.typname AS key, t.typtype::text || ' ' || coalesce(format_type(t.typbasetype, t.typtypmod), '')
                 || coalesce((SELECT ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') AS def
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('d', 'e') AND ${USER_SCHEMAS}`,
    },
    {
        // Functions, procedures and aggregates by signature; the body as a hash (it can be long).
        kind: 'function',
        sql: `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key,
                 p.prokind::text || ' returns ' || coalesce(pg_get_function_result(p.oid), '-') || ' language ' || l.lanname
                 || ' volatility ' || p.provolatile::text || CASE WHEN p.prosecdef THEN ' SECURITY DEFINER' ELSE '' END
                 || coalesce(' SET ' || array_to_string(p.proconfig, ', '), '') || ' body md5 ' || md5(coalesce(p.prosrc, '') || coalesce(p.probin, '')) AS def
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang WHERE ${USER_SCHEMAS}`,
    },
    {
        kind: 'trigger',
        sql: `SELECT n.nspname || '.' || c.relname || '.' || t.tgname AS key, pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text AS def
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND ${USER_SCHEMAS}`,
    },
    {
        kind: 'policy',
        sql: `SELECT n.nspname || '.' || c.relname || '.' || p.polname AS key,
                 CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END || ' for ' || p.polcmd::text
                 || ' to ' || coalesce((SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END, ',' ORDER BY r) FROM unnest(p.polroles) r), '')
                 || coalesce(' using (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
                 || coalesce(' with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') AS def
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_SCHEMAS}`,
    },
    {
        kind: 'extension',
        sql: `SELECT e.extname AS key, 'version ' || e.extversion || ' schema ' || n.nspname AS def
          FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE ${USER_SCHEMAS}`,
    },
];
/**
 * The user objects of the database. `home` is the proof's own schema (first on search_path):
 * its objects are named without it, as the migrations wrote them, and it is not listed itself.
 */
async function snapshotSchema(db, home) {
    const snapshot = new Map();
    for (const q of SNAPSHOT_QUERIES) {
        for (const row of await db.rows(q.sql)) {
            if (!home) {
                snapshot.set(`${q.kind} ${row.key}`, row.def);
                continue;
            }
            if (q.kind === 'schema' && row.key === home)
                continue;
            const key = row.key.startsWith(`${home}.`) ? row.key.slice(home.length + 1) : row.key;
            const def = row.def.split(`${home}.`).join('');
            snapshot.set(`${q.kind} ${key}`, def.endsWith(` schema ${home}`) ? `${def.slice(0, -home.length)}(run schema)` : def);
        }
    }
    return snapshot;
}
function diffSchemas(before, after) {
    const diff = { added: [], removed: [], changed: [] };
    for (const [key, def] of before) {
        if (!after.has(key))
            diff.removed.push(key);
        else if (after.get(key) !== def)
            diff.changed.push({ object: key, before: def, after: after.get(key) });
    }
    for (const key of after.keys())
        if (!before.has(key))
            diff.added.push(key);
    diff.added.sort();
    diff.removed.sort();
    diff.changed.sort((a, b) => a.object.localeCompare(b.object));
    return diff;
}
function describeDiff(diff) {
    return [
        ...diff.added.map((k) => `${k} is left behind by the back-out`),
        ...diff.removed.map((k) => `${k} is missing after the back-out`),
        ...diff.changed.map((c) => `${c.object} differs: before "${c.before}", after "${c.after}"`),
    ];
}
const isEmptyDiff = (d) => d.added.length + d.removed.length + d.changed.length === 0;

;// CONCATENATED MODULE: ./actions/catalog-gate/src/mask.ts
/**
 * PostgreSQL error messages quote values taken from the data: `invalid input syntax for type
 * integer: "<value>"`, `Key (email)=(<value>) already exists`, `Failing row contains (<values>)`.
 * A hostile migration can aim such an error at a secret (a cast of pg_authid's password hashes, a
 * server file), and the message lands in annotations and the summary. So every quoted part of a
 * database message is masked unless it is a name the migration itself wrote (`relation "users"
 * does not exist` stays useful).
 */
const MASK = '***';
/** Words (identifiers, as PostgreSQL folds unquoted ones, and as written) of the SQL that ran. */
function namesIn(sql) {
    const names = new Set();
    for (const m of sql.matchAll(/"((?:[^"]|"")+)"|([\p{L}_][\p{L}\p{N}_$]*)/gu)) {
        if (m[1] !== undefined)
            names.add(m[1].replace(/""/g, '"'));
        else {
            names.add(m[2]);
            names.add(m[2].toLowerCase());
        }
    }
    return names;
}
/** The message with every quoted value that is not a known name replaced by ***. */
function maskDatabaseMessage(message, known) {
    const keep = (value) => value
        .split('.')
        .every((part) => known.has(part) || known.has(part.replace(/\(.*\)$/, '')) || part === '');
    // A value PostgreSQL quotes is not escaped: one holding quotes (`"x" secret "y"`, `""secret""`)
    // would split into harmless-looking quoted parts. So a quoted tail (`…: "<value>"`, how input
    // errors quote a value) is masked as one span, and so is everything between the first and last
    // quote when any quoted part is empty (never a name).
    const tail = /^([^"]*: )"(.*)"$/s.exec(message);
    if (tail && !keep(tail[2]))
        return `${tail[1]}"${MASK}"`;
    if (/""/.test(message)) {
        const first = message.indexOf('"');
        const last = message.lastIndexOf('"');
        return `${message.slice(0, first)}"${MASK}"${message.slice(last + 1)}`;
    }
    return (message
        // Key (col, …)=(value, …): the columns are names, the values are data.
        .replace(/\)=\((.*?)\)( already exists| is not present| is still referenced|\s*$)/g, `)=(${MASK})$2`)
        .replace(/(Failing row contains |row contains )\((.*)\)/g, `$1(${MASK})`)
        .replace(/"((?:[^"\\]|\\.)*)"/g, (whole, value) => (keep(value) ? whole : `"${MASK}"`)));
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/proof.ts
/**
 * The back-out proof proper: every migration is proven from the schema that precedes it, whatever
 * happened to the one before.
 *
 * A migration that can run in a transaction is proven inside one: up, SAVEPOINT, back-out,
 * snapshot and compare, up again, ROLLBACK TO SAVEPOINT, COMMIT. Whatever the back-out did is
 * undone by the savepoint, so the next migration starts from exactly "after this up". A script
 * that cannot run in a transaction (CONCURRENTLY, VACUUM) runs as written; when its proof fails,
 * the run schema is rebuilt from the ups that applied before it.
 *
 * SQL arrives pre-split into statements (the caller parses with libpg-query), so a failure is
 * reported at the failing statement's line and this module stays free of the wasm parser.
 */


/** The message of a database error, with the values it quotes from the data masked. */
function safeMessage(error, sql) {
    const e = error;
    const known = namesIn(sql);
    // RAISE EXCEPTION builds its message from arbitrary values: keep only the words the script wrote.
    if (e.code === 'P0001')
        return e.message
            .split(/(\s+)/)
            .map((w) => (/^\s*$/.test(w) || sql.includes(w) ? w : MASK))
            .join('');
    return maskDatabaseMessage(e.message ?? String(error), known);
}
/** Runs the statements in order on the open session; returns the first failure. */
async function runStatements(db, script, skipTransactionControl) {
    let ran = 0;
    for (const s of script.statements) {
        if (skipTransactionControl && s.transactionControl)
            continue;
        try {
            await db.exec(s.text);
            ran++;
        }
        catch (error) {
            // Not the script's failure: the session is gone, and the caller decides what comes next.
            if (error instanceof SessionEndedError)
                throw error;
            const e = error;
            const offset = Number(e.position);
            // PostgreSQL's position is 1-based within the statement text we sent.
            const line = Number.isFinite(offset) && offset > 0
                ? s.line + (s.text.slice(0, offset - 1).match(/\r\n|\r|\n/g)?.length ?? 0)
                : s.line;
            const failure = {
                file: script.file,
                line,
                message: safeMessage(error, s.text),
                partial: ran > 0,
            };
            return failure;
        }
    }
    return undefined;
}
/**
 * Runs a script; in one transaction unless it cannot be, so a failure halfway leaves nothing
 * applied. Returns the failure (file, line, PostgreSQL message with data values masked) or undefined.
 */
async function runScript(db, script) {
    const wrap = !script.noTransaction;
    if (wrap)
        await db.exec('BEGIN');
    const failure = await runStatements(db, script, wrap);
    if (failure) {
        if (wrap)
            await db.exec('ROLLBACK').catch(() => { });
        return { ...failure, partial: !wrap && failure.partial };
    }
    if (wrap)
        await db.exec('COMMIT');
    return undefined;
}
/** Fails when the target database already holds user objects: the proof needs an empty one. */
async function assertEmpty(db, home) {
    const snap = await snapshotSchema(db, home);
    if (snap.size > 0) {
        const sample = [...snap.keys()].slice(0, 3).join(', ');
        throw new Error(`database at ${db.label} is not empty (${sample}${snap.size > 3 ? ', …' : ''}); the back-out proof needs a throwaway empty database`);
    }
}
const SAVEPOINT = 'catalog_gate_backout';
async function proveBackouts(db, migrations, clock = () => performance.now(), home) {
    const results = [];
    /** The ups that applied, in order: what a rebuild re-applies. */
    const applied = [];
    /** Set when the session cannot go on (it was ended, or a rebuild failed). */
    let broken;
    const settle = async () => {
        // A migration's SET (search_path, timeouts) must not leak into the next one.
        await db.exec('RESET ALL').catch(() => { });
        if (home)
            await db.exec(`SET search_path TO ${quote(home)}, public`).catch(() => { });
    };
    const rebuild = async (after) => {
        if (!home) {
            broken = `not provable: the schema could not be restored after ${after} (no run schema to rebuild)`;
            return;
        }
        await db.exec('ROLLBACK').catch(() => { });
        await cleanUp(db, home);
        await db.exec(`CREATE SCHEMA ${quote(home)}`);
        await settle();
        for (const m of applied) {
            const f = await runScript(db, m.up);
            if (f) {
                broken = `not provable: rebuilding the schema after ${after} failed at ${f.file}:${f.line}: ${f.message}`;
                return;
            }
        }
    };
    for (const m of migrations) {
        const started = clock();
        const done = (status, problems = [], failure, differences = false) => {
            const r = { id: m.id, status, problems, ms: clock() - started };
            if (failure)
                r.failure = failure;
            if (differences)
                r.differences = true;
            if (m.down?.generated)
                r.generated = true;
            results.push(r);
        };
        if (broken) {
            done('not-provable', [broken]);
            continue;
        }
        if (m.notProvable) {
            done('not-provable', [`not provable: ${m.notProvable}`]);
            continue;
        }
        try {
            const before = await snapshotSchema(db, home);
            let rebuildAfter = false;
            if (!m.up.noTransaction && !m.down?.noTransaction)
                await proveInTransaction(db, m, before, home, done);
            else
                rebuildAfter = await proveWithoutTransaction(db, m, before, home, done);
            if (results.at(-1).status !== 'failed' || !results.at(-1).problems[0]?.startsWith('up failed'))
                applied.push(m);
            // After this migration's own up is counted: the next one starts from "after this up".
            if (rebuildAfter)
                await rebuild(m.id);
        }
        catch (error) {
            if (error instanceof SessionEndedError && error.resumable) {
                // A fresh session (embedded PGlite restarted): this migration is not provable, the
                // schema before the next one is rebuilt from the ups that applied.
                if (results.at(-1)?.id !== m.id)
                    done('not-provable', [`not provable: ${error.message}`]);
                await rebuild(m.id).catch((e) => (broken = `not provable: ${e.message}`));
            }
            else {
                // The session itself failed (ended by the watchdog, connection lost): nothing later can run.
                broken = `not provable: the proof session stopped at ${m.id} (${error.message})`;
                if (results.at(-1)?.id !== m.id)
                    done('not-provable', [broken]);
            }
        }
        await settle();
    }
    return results;
}
async function proveInTransaction(db, m, before, home, done) {
    await db.exec('BEGIN');
    const upFailure = await runStatements(db, m.up, true);
    if (upFailure) {
        await db.exec('ROLLBACK');
        done('failed', [`up failed at ${upFailure.file}:${upFailure.line}: ${upFailure.message}`], upFailure);
        return;
    }
    if (!m.down) {
        await db.exec('COMMIT');
        done('no-backout', ['no back-out to prove']);
        return;
    }
    await db.exec(`SAVEPOINT ${SAVEPOINT}`);
    const downFailure = await runStatements(db, m.down, true);
    if (downFailure) {
        await db.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
        await db.exec('COMMIT');
        done('failed', [
            `back-out failed at ${downFailure.file}:${downFailure.line}: ${downFailure.message}; nothing of the back-out was applied`,
        ], downFailure);
        return;
    }
    const diff = diffSchemas(before, await snapshotSchema(db, home));
    const reapply = await runStatements(db, m.up, true);
    // Undo the back-out (and the second up): the next migration starts from "after this up".
    await db.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await db.exec('COMMIT');
    verdict(m, diff, reapply, done);
}
/** Returns true when the schema no longer is "after this up" and must be rebuilt. */
async function proveWithoutTransaction(db, m, before, home, done) {
    const upFailure = await runScript(db, m.up);
    if (upFailure) {
        done('failed', [`up failed at ${upFailure.file}:${upFailure.line}: ${upFailure.message}`], upFailure);
        return upFailure.partial;
    }
    if (!m.down) {
        done('no-backout', ['no back-out to prove']);
        return false;
    }
    const downFailure = await runScript(db, m.down);
    if (downFailure) {
        const left = downFailure.partial
            ? ' (statements before it stay applied: the script cannot run in a transaction)'
            : '; nothing of the back-out was applied';
        done('failed', [`back-out failed at ${downFailure.file}:${downFailure.line}: ${downFailure.message}${left}`], downFailure);
        return downFailure.partial;
    }
    const diff = diffSchemas(before, await snapshotSchema(db, home));
    const reapply = await runScript(db, m.up);
    verdict(m, diff, reapply, done);
    return !isEmptyDiff(diff) || reapply !== undefined;
}
function verdict(m, diff, reapply, done) {
    const problems = describeDiff(diff);
    if (reapply)
        problems.push(`up cannot be re-applied after the back-out, at ${reapply.file}:${reapply.line}: ${reapply.message}`);
    if (isEmptyDiff(diff) && !reapply)
        done('proven');
    else
        done('failed', problems, reapply ?? { file: m.down.file, line: 1, message: problems.join('; '), partial: false }, !isEmptyDiff(diff));
}
const quote = (name) => `"${name.replace(/"/g, '""')}"`;
/**
 * Runs the proof in a schema of its own (first on search_path), then drops it and whatever else
 * the migrations created outside it, so the database is empty again for the next run, also after
 * a failure. The database must be empty before: everything in it afterwards is ours to drop.
 * A sandbox (sandbox.ts) brings its own schema as `home`.
 */
async function proveInRunSchema(db, migrations, options = {}) {
    const own = db.home === undefined;
    const schema = db.home ??
        options.schema ??
        `catalog_gate_run_${Math.floor(Math.random() * 0xffffffff)
            .toString(16)
            .padStart(8, '0')}`;
    await assertEmpty(db, own ? undefined : schema);
    if (own)
        await db.exec(`CREATE SCHEMA ${quote(schema)}`);
    try {
        await db.exec(`SET search_path TO ${quote(schema)}, public`);
        const results = await proveBackouts(db, migrations, options.clock, schema);
        let leftovers;
        try {
            leftovers = await cleanUp(db, schema);
        }
        catch (error) {
            // A sandbox drops everything its role owns when it closes, whatever happened to the session.
            leftovers = own ? [`schema ${schema} (${error.message})`] : [];
        }
        return { results, leftovers, schema };
    }
    catch (error) {
        await cleanUp(db, schema).catch(() => []);
        throw error;
    }
}
/** Drops the run schema and every user object the run created elsewhere; returns what is left. */
async function cleanUp(db, schema) {
    // A script that failed outside our wrapping transaction may leave one open.
    await db.exec('ROLLBACK').catch(() => { });
    await db.exec('RESET search_path').catch(() => { });
    await db.exec(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    const drops = {
        extension: 'EXTENSION',
        schema: 'SCHEMA',
        view: 'VIEW',
        table: 'TABLE',
        sequence: 'SEQUENCE',
        type: 'TYPE',
    };
    // Extensions first (they own member objects), then schemas, then the rest.
    const order = (key) => (key.startsWith('extension ') ? 0 : key.startsWith('schema ') ? 1 : 2);
    const snap = [...(await snapshotSchema(db))].sort((a, b) => order(a[0]) - order(b[0]));
    for (const [key, def] of snap) {
        const [kind, name] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
        let what = drops[kind];
        if (!what)
            continue;
        if (kind === 'view' && def.startsWith('m '))
            what = 'MATERIALIZED VIEW';
        if (kind === 'table' && def.startsWith('f '))
            what = 'FOREIGN TABLE';
        if (kind === 'type' && def.startsWith('d '))
            what = 'DOMAIN';
        const target = kind === 'schema' || kind === 'extension' ? quote(name) : name.split('.').map(quote).join('.');
        await db.exec(`DROP ${what} IF EXISTS ${target} CASCADE`).catch(() => { });
    }
    for (const [key, def] of await snapshotSchema(db)) {
        if (!key.startsWith('function '))
            continue;
        const signature = key.slice('function '.length);
        const dot = signature.indexOf('.');
        const paren = signature.indexOf('(');
        const target = `${quote(signature.slice(0, dot))}.${quote(signature.slice(dot + 1, paren))}${signature.slice(paren)}`;
        await db
            .exec(`DROP ${def.startsWith('a ') ? 'AGGREGATE' : 'ROUTINE'} IF EXISTS ${target} CASCADE`)
            .catch(() => { });
    }
    return [...(await snapshotSchema(db)).keys()];
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/sandbox.ts
/**
 * The proof on a real server runs a pull request's SQL, so it must never run it with the rights of
 * the connection it was given (often a superuser in CI service containers). It creates a dedicated
 * login role for the run, without SUPERUSER/CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS and without
 * the pg_read_server_files/pg_write_server_files/pg_execute_server_program memberships, owning a
 * schema of its own, and runs every migration on a second connection logged in as that role.
 *
 * Logging in as the role rather than `SET ROLE` on the given connection is deliberate: a migration
 * can say `RESET ROLE` (or hide it in a DO block or in a function's SET clause) and be the
 * superuser again, because SET ROLE only changes current_user, not session_user. A session that
 * logged in as the role has nothing to go back to.
 *
 * The sandbox session gets statement_timeout, lock_timeout and idle_in_transaction_session_timeout,
 * and client_connection_check_interval so that a query whose client died stops within a second. A
 * watchdog ends the session when a statement runs past the timeout anyway (the migration may have
 * set statement_timeout = 0). The given connection only sets up and tears down: it drops everything
 * the role owns and the role itself, and at start it removes the sandboxes of earlier runs that
 * were killed before they could clean up.
 */


const SANDBOX_PREFIX = 'catalog_gate_run_';
const DEFAULT_TIMEOUTS = {
    statementMs: 60_000,
    lockMs: 10_000,
    idleInTransactionMs: 60_000,
};
class SandboxRefusedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SandboxRefusedError';
    }
}
const sandbox_quote = (name) => `"${name.replace(/"/g, '""')}"`;
const literal = (value) => `'${value.replace(/'/g, "''")}'`;
async function rightsOf(admin) {
    const [row] = await admin.rows(`SELECT current_user AS user, current_database() AS database, r.rolsuper AS superuser,
            r.rolcreaterole AS create_role, r.rolcreatedb AS create_db,
            ARRAY(SELECT s FROM unnest(ARRAY['pg_read_server_files', 'pg_write_server_files', 'pg_execute_server_program']) s
                  WHERE pg_has_role(current_user, s, 'MEMBER')) AS server_roles
       FROM pg_roles r WHERE r.rolname = current_user`);
    return {
        user: row.user,
        database: row.database,
        superuser: row.superuser,
        createRole: row.create_role,
        createDb: row.create_db,
        serverRoles: row.server_roles ?? [],
    };
}
/**
 * Removes sandboxes left by runs that were killed: roles named catalog_gate_run_* whose sessions
 * are gone, or have run for longer than twice the statement timeout (their own timeout should
 * have ended them; a live run never holds a statement that long).
 */
async function removeStaleSandboxes(admin, timeouts) {
    const limit = `${Math.max(1, Math.ceil((2 * timeouts.statementMs) / 1000))} seconds`;
    await admin
        .rows(`SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
        WHERE a.usename LIKE '${SANDBOX_PREFIX}%' AND a.pid <> pg_backend_pid()
          AND now() - coalesce(a.query_start, a.backend_start) > interval ${literal(limit)}`)
        .catch(() => []);
    const stale = await admin.rows(`SELECT r.rolname FROM pg_roles r
      WHERE r.rolname LIKE '${SANDBOX_PREFIX}%'
        AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.usename = r.rolname)`);
    for (const { rolname } of stale)
        await dropSandbox(admin, rolname).catch(() => { });
}
/** Drops everything the role owns in this database, then the role. */
async function dropSandbox(admin, role) {
    await admin.exec(`DROP OWNED BY ${sandbox_quote(role)} CASCADE`);
    // The role may still own objects or hold privileges in other databases; then it stays and the
    // next run on that database removes it.
    await admin.exec(`DROP ROLE IF EXISTS ${sandbox_quote(role)}`);
}
/**
 * Opens the proof's sandbox on the server at `url`. Refuses (SandboxRefusedError) when the given
 * role cannot create the sandbox role and is itself too powerful to run untrusted SQL.
 */
async function openSandbox(url, timeouts = DEFAULT_TIMEOUTS, options = {}) {
    const admin = await openPostgres(url, options);
    try {
        const rights = await rightsOf(admin);
        const dangerous = [
            ...(rights.superuser ? ['SUPERUSER'] : []),
            ...(rights.createDb ? ['CREATEDB'] : []),
            ...(rights.createRole ? ['CREATEROLE'] : []),
            ...rights.serverRoles,
        ];
        if (!rights.superuser && !rights.createRole) {
            if (dangerous.length)
                throw new SandboxRefusedError(`the back-out proof refuses to run migrations as ${rights.user} (${dangerous.join(', ')}) and that role cannot create a restricted role for them; connect database-url as a role with CREATEROLE (the proof then runs as a role of its own) or as a plain role without these rights`);
            return await ownSchema(admin, url, rights, timeouts, options);
        }
        await removeStaleSandboxes(admin, timeouts);
        const suffix = (0,external_node_crypto_.randomBytes)(4).toString('hex');
        const role = `${SANDBOX_PREFIX}${suffix}`;
        const home = role;
        const password = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
        await admin.exec(`CREATE ROLE ${sandbox_quote(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT CONNECTION LIMIT 4 PASSWORD ${literal(password)}`);
        try {
            await admin.exec(`GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${sandbox_quote(rights.database)} TO ${sandbox_quote(role)}`);
            // A CREATEROLE role that is not a superuser needs membership to DROP OWNED BY it later
            // (PostgreSQL 16 grants that to the creator by itself).
            if (!rights.superuser)
                await admin.exec(`GRANT ${sandbox_quote(role)} TO ${sandbox_quote(rights.user)}`).catch(() => { });
            await admin.exec(`CREATE SCHEMA ${sandbox_quote(home)} AUTHORIZATION ${sandbox_quote(role)}`);
            // Migrations that name public explicitly must be able to create there too (PostgreSQL 15
            // revoked CREATE on public from PUBLIC); whatever they create is owned by the role.
            await admin.exec(`GRANT USAGE, CREATE ON SCHEMA public TO ${sandbox_quote(role)}`).catch(() => { });
            const login = new URL(url);
            login.username = role;
            login.password = password;
            let session;
            try {
                session = await connectSession(login.toString(), home, timeouts, options);
            }
            catch (error) {
                const reason = error instanceof DatabaseUnreachableError ? error.message : String(error);
                throw new SandboxRefusedError(`the back-out proof could not log in as its restricted role ${role} (${reason.replace(password, '***')}); allow password logins for roles named ${SANDBOX_PREFIX}* from this host in pg_hba.conf. It will not run migrations with the rights of ${rights.user}`);
            }
            return {
                ...session,
                label: admin.label,
                home,
                role,
                async close() {
                    await session.close().catch(() => { });
                    await admin
                        .rows(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ${literal(role)}`)
                        .catch(() => []);
                    try {
                        await dropSandbox(admin, role);
                    }
                    finally {
                        await admin.close();
                    }
                },
            };
        }
        catch (error) {
            await dropSandbox(admin, role).catch(() => { });
            throw error;
        }
    }
    catch (error) {
        await admin.close().catch(() => { });
        throw error;
    }
}
/** A plain role without dangerous rights: it runs the proof itself, in a schema of its own. */
async function ownSchema(admin, url, rights, timeouts, options) {
    const home = `${SANDBOX_PREFIX}${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
    await admin.exec(`CREATE SCHEMA ${sandbox_quote(home)}`);
    await admin.close();
    const session = await connectSession(url, home, timeouts, options);
    return {
        ...session,
        home,
        role: rights.user,
        async close() {
            await session.exec(`DROP SCHEMA IF EXISTS ${sandbox_quote(home)} CASCADE`).catch(() => { });
            await session.close();
        },
    };
}
async function connectSession(url, home, timeouts, options) {
    const settings = [
        `search_path=${home},public`,
        `statement_timeout=${timeouts.statementMs}`,
        `lock_timeout=${timeouts.lockMs}`,
        `idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
        'client_connection_check_interval=1000',
        'application_name=catalog-gate-proof',
    ];
    const session = await openPostgres(url, {
        ...options,
        options: settings.map((s) => `-c ${s}`).join(' '),
        watchdogMs: 2 * timeouts.statementMs + 1_000,
    });
    return { ...session, label: endpointOf(url) };
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/gate.ts
/**
 * The whole gate: load the catalog and the migration files, check drift and policy, analyse every
 * up script in catalog order, compare declared with detected risk, derive back-outs, and prove
 * them on a database. Returns plain data; main.ts turns it into annotations, a summary, SARIF and
 * evidence, and the CLI/bench call this directly.
 */












const PROOF_RULES = {
    notProven: {
        id: 'backout-not-proven',
        shortDescription: 'The back-out does not restore the schema',
        defaultLevel: 'error',
    },
    notProvable: {
        id: 'backout-not-provable',
        shortDescription: 'The back-out of this migration cannot be proven (the message says why)',
        defaultLevel: 'warning',
    },
    database: {
        id: 'backout-database',
        shortDescription: 'The back-out proof database is unusable',
        defaultLevel: 'error',
    },
};
/** Every rule the gate can report, for SARIF. */
const ALL_RULES = [
    ...Object.values(CATALOG_RULES),
    ...Object.values(PROOF_RULES),
    ...Object.values(POLICY_RULES),
    ...Object.values(SQL_RULES).map((r) => ({
        id: r.id,
        name: r.title,
        shortDescription: r.title,
        fullDescription: r.help,
        defaultLevel: r.level,
        tags: [`risk:${r.risk}`],
    })),
];
const withEntry = (f, id) => ({
    ...f,
    properties: { ...f.properties, entryId: id },
});
async function runGate(options) {
    const pattern = options.pattern ?? DEFAULT_PATTERN;
    const dirPath = options.migrationsDir.replace(/\/+$/, '');
    const report = { catalog: options.catalog, migrationsDir: dirPath, entries: [], findings: [] };
    const abs = (p) => (0,external_node_path_.join)(options.workspace, p);
    const read = await readWorkspaceFile(options.workspace, options.catalog);
    if (!read.ok) {
        const outside = read.why.startsWith('refused');
        report.findings.push({
            ruleId: outside ? CATALOG_RULES.pathOutside.id : CATALOG_RULES.yaml.id,
            level: 'error',
            message: /: not found$/.test(read.why)
                ? `${options.catalog}: catalog file not found; create it or set the catalog input`
                : `catalog: ${read.why}`,
            // A path outside the workspace is no place to annotate (and SARIF refuses it).
            ...(outside ? {} : { location: { file: options.catalog, line: 1 } }),
        });
        return report;
    }
    const { catalog, problems } = parseCatalog(options.catalog, read.text);
    report.findings.push(...problems);
    if (!catalog)
        return report;
    let files;
    const dirOutside = await outsideWorkspace(options.workspace, dirPath);
    if (dirOutside) {
        report.findings.push({
            ruleId: CATALOG_RULES.pathOutside.id,
            level: 'error',
            message: `migrations-dir ${dirPath}: ${dirOutside}; the gate reads only files of the repository`,
            location: { file: options.catalog, line: 1 },
        });
        return report;
    }
    const plainFiles = new Set();
    try {
        const entries = await (0,promises_.readdir)(abs(dirPath), { withFileTypes: true });
        for (const d of entries)
            if (d.isFile())
                plainFiles.add(d.name);
        files = entries.map((d) => d.name).sort();
    }
    catch {
        files = null;
    }
    const fileSet = new Set(files ?? []);
    // A catalog edit can change any entry's risk, PII or rollback without touching its SQL, and can
    // remove an entry (its files then drift): when the catalog changed, every entry is in scope.
    const changed = options.changedFiles && !options.changedFiles.includes(options.catalog)
        ? new Set(options.changedFiles)
        : undefined;
    const pathOf = (name) => external_node_path_.posix.join(dirPath, name);
    const inScope = (e) => !changed ||
        changed.has(pathOf(fileFor(pattern.up, e.id))) ||
        changed.has(pathOf(fileFor(pattern.down, e.id)));
    const entryFindings = (fs) => fs.map((f) => {
        const line = f.location?.line;
        // Tie catalog findings to the entry whose YAML block holds them, for changed-only scoping.
        const index = line === undefined || f.location?.file !== catalog.file
            ? -1
            : catalog.entries.findLastIndex((_, i) => catalog.config.locate([i]).line <= line);
        const fileEntry = catalog.entries.find((e) => f.location?.file === pathOf(fileFor(pattern.up, e.id)));
        const entry = index >= 0 ? catalog.entries[index] : fileEntry;
        return entry ? withEntry(f, entry.id) : f;
    });
    report.findings.push(...entryFindings(checkDrift(catalog, dirPath, files, pattern)));
    report.findings.push(...entryFindings(checkPolicy(catalog, fileSet, pattern)));
    if (files === null)
        return report;
    await loadParser();
    const state = emptySchemaState();
    const parsed = new Map();
    // Back-outs are parsed here, not only during the proof: with prove-backout false (pre-commit) a
    // down script or inline rollback PostgreSQL cannot parse must still be an error.
    const downs = new Map();
    const downStatements = new Map();
    const readSql = async (name, entryId) => {
        const display = pathOf(name);
        const file = await readWorkspaceFile(options.workspace, display, {
            plainFileInCheckedDir: plainFiles.has(name),
        });
        if (!file.ok) {
            report.findings.push(withEntry({
                ruleId: file.why.startsWith('refused')
                    ? CATALOG_RULES.pathOutside.id
                    : CATALOG_RULES.fileUnreadable.id,
                level: 'error',
                message: file.why,
                location: { file: display, line: 1 },
            }, entryId));
            return undefined;
        }
        try {
            return parser_parseSql(file.text, display);
        }
        catch (error) {
            if (!(error instanceof SqlParseError))
                throw error;
            report.findings.push(withEntry({
                ruleId: CATALOG_RULES.sqlParse.id,
                level: 'error',
                message: error.message,
                location: { file: error.file, line: error.line, column: error.column },
            }, entryId));
            return undefined;
        }
    };
    for (const [index, entry] of catalog.entries.entries()) {
        const upName = fileFor(pattern.up, entry.id);
        const upFile = pathOf(upName);
        const e = {
            id: entry.id,
            service: entry.service,
            declaredRisk: entry.risk,
            detectedRisk: null,
            locks: [],
            rewrites: false,
            pii: entry.pii,
            upFile,
            backout: { status: 'skipped', kind: rollbackOf(entry, fileSet, pattern).kind, problems: [] },
            inScope: inScope(entry),
            statements: [],
        };
        if (entry.retention_days !== undefined)
            e.retentionDays = entry.retention_days;
        report.entries.push(e);
        if (parsed.has(entry.id))
            continue;
        const rollback = rollbackOf(entry, fileSet, pattern);
        if (rollback.kind === 'file' && fileSet.has(rollback.file)) {
            const stmts = await readSql(rollback.file, entry.id);
            if (stmts) {
                downs.set(entry.id, scriptFromStatements(pathOf(rollback.file), stmts));
                downStatements.set(entry.id, stmts);
                // A back-out runs in the proof too: what must never run is an error there as well.
                for (const f of analyseStatements(stmts).findings)
                    if (NEVER_RUN.has(f.ruleId))
                        report.findings.push(withEntry({
                            ruleId: f.ruleId,
                            level: 'error',
                            message: f.message,
                            location: { file: pathOf(rollback.file), line: f.line, column: f.column },
                            properties: { risk: f.risk },
                        }, entry.id));
            }
        }
        else if (rollback.kind === 'inline') {
            const display = `${catalog.file} (rollback of ${entry.id})`;
            try {
                const stmts = parser_parseSql(rollback.sql, display);
                downs.set(entry.id, scriptFromStatements(display, stmts));
                downStatements.set(entry.id, stmts);
            }
            catch (error) {
                if (!(error instanceof SqlParseError))
                    throw error;
                const at = catalog.config.locate([index, 'rollback']);
                report.findings.push(withEntry({
                    ruleId: CATALOG_RULES.sqlParse.id,
                    level: 'error',
                    message: `inline rollback of ${entry.id}: ${error.message.slice(error.message.indexOf('PostgreSQL parser:'))} (line ${error.line}, column ${error.column} of the rollback text)`,
                    location: { file: catalog.file, line: at.line, column: at.column },
                }, entry.id));
            }
        }
        if (!fileSet.has(upName))
            continue;
        const up = await readSql(upName, entry.id);
        if (!up)
            continue;
        const analysis = analyseStatements(up, state);
        parsed.set(entry.id, { up, analysis });
        e.detectedRisk = analysis.detectedRisk;
        e.rewrites = analysis.rewrites;
        e.locks = [...new Set(analysis.statements.map((s) => s.lock).filter((l) => l !== null))];
        e.statements = analysis.statements.map((s) => ({
            file: upFile,
            line: s.line,
            column: s.column,
            kind: s.kind,
            tables: s.tables,
            lock: s.lock,
            rewrites: s.rewrites,
            ruleIds: [...new Set(s.findings.map((f) => f.ruleId))],
        }));
        for (const f of analysis.findings) {
            // A risk the entry declares is acknowledged: it stays visible as a notice, not a warning.
            // Low-risk findings are traps, not lock risk, so declaring a risk does not acknowledge them.
            const acknowledged = f.level !== 'error' && f.risk !== 'low' && riskRank(entry.risk) >= riskRank(f.risk);
            report.findings.push(withEntry({
                ruleId: f.ruleId,
                level: acknowledged ? 'notice' : f.level,
                message: acknowledged ? `${f.message} (acknowledged: declared risk ${entry.risk})` : f.message,
                location: { file: upFile, line: f.line, column: f.column },
                properties: { risk: f.risk },
            }, entry.id));
        }
        const understated = checkRisk(catalog, index, analysis.detectedRisk, analysis.findings.map((f) => ({ ...f, file: upFile })));
        if (understated)
            report.findings.push(withEntry(understated, entry.id));
        if (e.backout.kind === 'none' && analysis.detectedRisk !== 'low')
            e.suggestedBackout = suggestBackout(analysis);
    }
    if (options.policy)
        report.findings.push(...(await evaluatePolicy(options, catalog, report, parsed, fileSet, pattern)));
    if (options.proveBackout)
        await prove(options, report, catalog.entries, parsed, downs, downStatements, fileSet, pattern, pathOf, catalog.entries.length ? catalog.config.locate([0]).line : 1);
    if (changed)
        report.findings = report.findings.filter((f) => {
            const id = f.properties?.['entryId'];
            return id === undefined
                ? !f.location?.file || changed.has(f.location.file) || f.location.file === options.catalog
                : report.entries.some((e) => e.id === id && e.inScope);
        });
    return report;
}
/** The input document a custom policy sees: each entry as written plus what the gate detected. */
function policyInput(report, catalog, parsed, files, pattern = DEFAULT_PATTERN) {
    return {
        catalog: report.catalog,
        migrations_dir: report.migrationsDir,
        entries: catalog.entries.map((entry, i) => {
            const e = report.entries[i];
            const analysis = parsed.get(entry.id)?.analysis;
            return {
                ...entry,
                detected: {
                    risk: e.detectedRisk,
                    locks: e.locks,
                    rewrites: e.rewrites,
                    rules: [...new Set(analysis?.findings.map((f) => f.ruleId) ?? [])],
                    rollback: rollbackOf(entry, files, pattern).kind,
                    up_file: e.upFile,
                    up_file_exists: files.has(fileFor(pattern.up, entry.id)),
                },
            };
        }),
    };
}
async function evaluatePolicy(options, catalog, report, parsed, files, pattern) {
    const display = options.policy.split('\\').join('/');
    // An absolute policy path is the workflow author's choice (e.g. built into runner.temp); a
    // relative one is repository content, which must not lead outside the workspace.
    const outside = (0,external_node_path_.isAbsolute)(display) ? undefined : await outsideWorkspace(options.workspace, display);
    if (outside)
        return [
            {
                ruleId: CATALOG_RULES.pathOutside.id,
                level: 'error',
                message: `policy ${display}: ${outside}; it was not loaded. Build the policy into the workspace`,
                location: { file: display, line: 1 },
            },
        ];
    try {
        const policy = await loadRegoPolicyFile((0,external_node_path_.isAbsolute)(display) ? display : (0,external_node_path_.join)(options.workspace, display), display);
        return denyFindings(policy.deny(policyInput(report, catalog, parsed, files, pattern)), catalog, display);
    }
    catch (error) {
        if (!(error instanceof PolicyError))
            throw error;
        return [
            {
                ruleId: POLICY_RULES.error.id,
                level: 'error',
                message: error.message,
                location: { file: display, line: 1 },
            },
        ];
    }
}
/** Rules whose statements the proof never runs, on any engine. */
const NEVER_RUN = new Set([
    SQL_RULES.dropDatabase.id,
    SQL_RULES.copyProgram.id,
    SQL_RULES.serverFileAccess.id,
]);
/** Names of the extensions a list of statements creates. */
function extensionsCreated(statements) {
    return statements.flatMap((s) => {
        const create = s.node.CreateExtensionStmt;
        return create?.extname ? [create.extname] : [];
    });
}
/** Why a migration cannot be proven on this engine, before running anything; undefined when it can. */
function notProvableReason(up, analysis, down, pglite) {
    const downFindings = down ? analyseStatements(down).findings : [];
    const never = [...analysis.findings, ...downFindings].find((f) => NEVER_RUN.has(f.ruleId));
    if (never)
        return `it contains ${never.ruleId} (line ${never.line}), which the proof never runs`;
    if (!pglite)
        return undefined;
    const all = [...up, ...(down ?? [])];
    const missing = extensionsCreated(all).find((name) => !pgliteHasExtension(name));
    if (missing)
        return `extension ${missing} is not available in the embedded PGlite; set database-url to prove it on a PostgreSQL server that has it`;
    return undefined;
}
/** The up statement that names an object of a difference: where to annotate a back-out that misses it. */
function causeLine(up, problem) {
    const object = /^\w+ (\S+)/.exec(problem)?.[1];
    const name = object?.split('.').pop()?.replace(/\(.*$/, '').toLowerCase();
    if (!name)
        return undefined;
    return up.find((s) => s.text.toLowerCase().includes(name))?.line;
}
const MAX_ANNOTATION = 240;
const KIND_ORDER = [
    'schema',
    'extension',
    'table',
    'view',
    'type',
    'function',
    'sequence',
    'index',
    'constraint',
    'trigger',
    'policy',
    'column',
];
function mainProblem(problems) {
    const rank = (p) => {
        const i = KIND_ORDER.indexOf(p.slice(0, p.indexOf(' ')));
        return i < 0 ? KIND_ORDER.length : i;
    };
    return [...problems].sort((a, b) => rank(a) - rank(b))[0] ?? 'not proven';
}
/** One short message for an annotation; the whole list goes to the summary and the report. */
function shortProblem(id, problems, down, upFile) {
    // The biggest object first: "creates table audit" says more than one of its columns.
    let first = mainProblem(problems);
    const object = /^(\w+ \S+) is left behind by the back-out$/.exec(first)?.[1];
    if (object && down && down.statements.length === 0)
        first = `the back-out ${down.file} is empty but ${upFile} creates ${object}`;
    else if (object)
        first = `the back-out does not remove ${object}, which the up creates`;
    if (first.length > MAX_ANNOTATION)
        first = `${first.slice(0, MAX_ANNOTATION - 1)}…`;
    const more = problems.length - 1;
    return `${id}: ${first}${more > 0 ? ` (and ${more} more difference${more > 1 ? 's' : ''}; see the job summary)` : ''}`;
}
async function prove(options, report, entries, parsed, downs, downStatements, fileSet, pattern, pathOf, firstEntryLine) {
    const pglite = !options.databaseUrl && !options.openDatabase;
    const toProve = [];
    const downOf = new Map();
    for (const entry of entries) {
        const upFile = pathOf(fileFor(pattern.up, entry.id));
        const got = parsed.get(entry.id);
        if (!got) {
            // Later migrations are still proven, from the schema without this one.
            toProve.push({
                id: entry.id,
                up: { file: upFile, statements: [], noTransaction: false },
                notProvable: `${upFile} is missing or does not parse`,
            });
            continue;
        }
        const { up, analysis } = got;
        const m = { id: entry.id, up: scriptFromStatements(upFile, up) };
        const rollback = rollbackOf(entry, fileSet, pattern);
        let down = downs.get(entry.id);
        let downParsed = downStatements.get(entry.id);
        if (rollback.kind === 'revert') {
            const target = parsed.get(rollback.id);
            if (target) {
                down = scriptFromStatements(pathOf(fileFor(pattern.up, rollback.id)), target.up);
                downParsed = target.up;
            }
        }
        else if (rollback.kind === 'none') {
            const suggestion = suggestBackout(analysis);
            if (suggestion.sql && suggestion.irreversible.length === 0) {
                downParsed = parser_parseSql(suggestion.sql);
                down = scriptFromStatements(`(generated back-out of ${entry.id})`, downParsed, true);
            }
        }
        if (down)
            m.down = down;
        if (downParsed)
            downOf.set(entry.id, downParsed);
        const why = notProvableReason(up, analysis, downParsed, pglite);
        if (why)
            m.notProvable = why;
        toProve.push(m);
    }
    // Proof-wide problems belong to the catalog as a whole: annotate its first entry.
    const catalogLocation = { file: report.catalog, line: firstEntryLine };
    let db;
    try {
        const extensions = [...parsed.values()].flatMap((p) => extensionsCreated(p.up));
        for (const d of downOf.values())
            extensions.push(...extensionsCreated(d));
        db = await (options.openDatabase ??
            (() => options.databaseUrl
                ? openSandbox(options.databaseUrl, options.timeouts ?? DEFAULT_TIMEOUTS)
                : openPglite(extensions, { statementMs: (options.timeouts ?? DEFAULT_TIMEOUTS).statementMs })))();
    }
    catch (error) {
        report.findings.push({
            ruleId: PROOF_RULES.database.id,
            level: 'error',
            message: `back-out proof: ${error.message}`,
            location: catalogLocation,
        });
        return;
    }
    report.database = db.label;
    try {
        const { results, leftovers } = await proveInRunSchema(db, toProve);
        if (leftovers.length)
            report.findings.push({
                ruleId: PROOF_RULES.database.id,
                level: 'warning',
                message: `back-out proof on ${db.label}: could not drop ${leftovers.slice(0, 5).join(', ')}${leftovers.length > 5 ? ', …' : ''} after the run; drop them by hand before the next run`,
                location: catalogLocation,
            });
        for (const r of results) {
            const e = report.entries.find((x) => x.id === r.id);
            const m = toProve.find((x) => x.id === r.id);
            e.backout = {
                status: r.status,
                kind: r.generated ? 'generated' : e.backout.kind,
                problems: r.problems,
                ms: Math.round(r.ms),
            };
            if (r.status === 'failed') {
                let loc = r.failure ? { file: r.failure.file, line: r.failure.line } : { file: e.upFile, line: 1 };
                if (r.differences) {
                    // A difference is caused by the up statement that made the object the back-out misses.
                    const line = causeLine(parsed.get(r.id)?.up ?? [], mainProblem(r.problems));
                    if (line !== undefined)
                        loc = { file: e.upFile, line };
                }
                report.findings.push(withEntry({
                    ruleId: PROOF_RULES.notProven.id,
                    level: 'error',
                    message: r.differences
                        ? shortProblem(r.id, r.problems, m.down, e.upFile)
                        : shortProblem(r.id, r.problems, undefined, e.upFile),
                    location: loc,
                }, r.id));
            }
            else if (r.status === 'not-provable') {
                report.findings.push(withEntry({
                    ruleId: PROOF_RULES.notProvable.id,
                    level: 'warning',
                    message: `${r.id}: ${r.problems[0] ?? 'not provable'}`.slice(0, MAX_ANNOTATION + 60),
                    location: { file: e.upFile, line: 1 },
                }, r.id));
            }
        }
    }
    catch (error) {
        report.findings.push({
            ruleId: PROOF_RULES.database.id,
            level: 'error',
            message: `back-out proof on ${db.label}: ${error.message}`,
            location: catalogLocation,
        });
    }
    finally {
        await db.close().catch(() => { });
    }
}

;// CONCATENATED MODULE: ./actions/catalog-gate/src/main.ts
/**
 * catalog-gate as an action: inputs → runGate → annotations, job summary, JSON report, SARIF,
 * evidence bundle, check run. No process.env here; the runner adapter and the CLI supply context.
 */











const main_inputs = {
    catalog: (0,inputs/* str */.gx)({
        default: 'db/catalog/migrations.yaml',
        description: 'Path of the migration catalog (YAML).',
    }),
    'migrations-dir': (0,inputs/* str */.gx)({
        default: 'db/migrations',
        description: 'Directory holding <id>.up.sql and <id>.down.sql.',
    }),
    'prove-backout': (0,inputs/* bool */.lc)({
        default: true,
        description: 'Apply every migration, its back-out and the migration again, and compare the schema.',
    }),
    'database-url': (0,inputs/* str */.gx)({
        secret: true,
        description: 'A throwaway, empty PostgreSQL database for the proof instead of embedded PGlite.',
    }),
    // No default here: an int input with one is typed as required; action.yml has the defaults.
    'statement-timeout': (0,inputs/* int */.Wh)({
        min: 1,
        max: 3600,
        description: 'Seconds one statement of the proof may run on PostgreSQL (statement_timeout).',
    }),
    'lock-timeout': (0,inputs/* int */.Wh)({
        min: 1,
        max: 3600,
        description: 'Seconds a statement of the proof may wait for a lock on PostgreSQL (lock_timeout).',
    }),
    'idle-in-transaction-timeout': (0,inputs/* int */.Wh)({
        min: 1,
        max: 3600,
        description: 'Seconds the proof session may sit idle in a transaction (idle_in_transaction_session_timeout).',
    }),
    policy: (0,inputs/* str */.gx)({
        description: 'Custom Rego policy: an opa build -t wasm bundle, a policy.wasm, or a .rego folder (needs opa on PATH); optional.',
    }),
    'changed-only': (0,inputs/* bool */.lc)({
        default: false,
        description: 'Report only migrations whose files the pull request or merge group changes.',
    }),
    'fail-on': (0,inputs/* oneOf */.yL)(['error', 'warning'], {
        default: 'error',
        description: 'The lowest finding level that fails the step.',
    }),
    'evidence-dir': (0,inputs/* str */.gx)({ description: 'Write an evidence bundle (report, SARIF, back-outs, manifest) here.' }),
    'check-run': (0,inputs/* bool */.lc)({
        default: false,
        description: 'Also publish the result as a check run (needs checks: write). Off by default: the annotations and the job summary already show every finding once.',
    }),
    'github-token': (0,inputs/* str */.gx)({
        secret: true,
        description: 'Token for the changed files and the check run.',
    }),
};
/* harmony default export */ const main = (defineAction({
    name: 'catalog-gate',
    inputs: main_inputs,
    async run(values, context) {
        const changedFiles = values.changedOnly ? await changedFilesOf(context) : undefined;
        // The helpers type defaults as optional, so the action.yml defaults are repeated here.
        const gateOptions = {
            workspace: context.workspace,
            catalog: rel(context, values.catalog ?? 'db/catalog/migrations.yaml'),
            migrationsDir: rel(context, values.migrationsDir ?? 'db/migrations'),
            proveBackout: values.proveBackout ?? true,
        };
        if (values.databaseUrl)
            gateOptions.databaseUrl = values.databaseUrl;
        gateOptions.timeouts = {
            statementMs: (values.statementTimeout ?? 60) * 1000,
            lockMs: (values.lockTimeout ?? 10) * 1000,
            idleInTransactionMs: (values.idleInTransactionTimeout ?? 60) * 1000,
        };
        if (changedFiles)
            gateOptions.changedFiles = changedFiles;
        if (values.policy)
            gateOptions.policy = rel(context, values.policy);
        // Checked before the analysis: a clash found only when writing would throw away every finding.
        const evidenceProblem = values.evidenceDir ? await nonEmptyDir(context, values.evidenceDir) : undefined;
        // Every custom-policy evaluation inside the gate leaves an OPA decision-log entry for the evidence.
        const { value: report, decisions } = await collectDecisions(() => runGate(gateOptions));
        if (evidenceProblem)
            report.findings.push({
                ruleId: EVIDENCE_RULE.id,
                level: 'error',
                message: `evidence-dir ${evidenceProblem}; no evidence bundle was written. Use a fresh directory per run`,
            });
        const result = await main_toResult(report, values.failOn ?? 'error', context, evidenceProblem ? undefined : values.evidenceDir, decisions);
        // Opt-in: the annotations and the job summary already show every finding once.
        if (!values.checkRun)
            delete result.checkRun;
        return result;
    },
}));
const EVIDENCE_RULE = {
    id: 'evidence-dir-not-empty',
    shortDescription: 'The evidence directory already holds files',
    defaultLevel: 'error',
};
const EVIDENCE_WRITE_RULE = {
    id: 'evidence-dir-unwritable',
    shortDescription: 'The evidence bundle could not be written',
    defaultLevel: 'error',
};
/** Why the evidence directory cannot take a bundle (it holds files), or undefined. */
async function nonEmptyDir(context, dir) {
    const path = (0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.join)(context.workspace, dir);
    let names;
    try {
        names = await (0,promises_.readdir)(path);
    }
    catch {
        // Missing is fine (it is created); anything else surfaces as evidence-dir-unwritable when writing.
        return undefined;
    }
    return names.length
        ? `${dir} is not empty (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`
        : undefined;
}
function rel(context, path) {
    return ((0,external_node_path_.isAbsolute)(path) ? (0,external_node_path_.relative)(context.workspace, path) : path).split('\\').join('/');
}
/** GitHub's compare API lists at most this many files; a longer list may be cut short. */
const COMPARE_FILE_LIMIT = 300;
/**
 * Files changed by the pull request or the merge-queue group (GitHub API), or undefined outside
 * them. A merge group has no single pull request: its files are those of base...head.
 */
async function changedFilesOf(context) {
    const change = (0,github/* changeRange */.SZ)(context.github);
    // An older payload without base/head still names its pull request.
    const pr = change?.pullRequest ??
        context.github.event?.['pull_request']?.number;
    const [owner, repo] = (context.github.repository ?? '').split('/');
    const group = change?.kind === 'merge_group' ? change : undefined;
    if ((!pr && !group) || !owner || !repo || !context.github.token) {
        context.log.warning('changed-only: not a pull request or merge group (or no github-token); checking every migration');
        return undefined;
    }
    const octokit = (0,github/* githubClient */.$f)({ token: context.github.token, apiUrl: context.github.apiUrl });
    const what = group
        ? `merge group ${group.base.slice(0, 12)}...${group.head.slice(0, 12)}`
        : `pull request #${pr}`;
    try {
        const files = group
            ? ((await octokit.rest.repos.compareCommitsWithBasehead({
                owner,
                repo,
                basehead: `${group.base}...${group.head}`,
            })).data.files ?? [])
            : await octokit.paginate(octokit.rest.pulls.listFiles, {
                owner,
                repo,
                pull_number: pr,
                per_page: 100,
            });
        if (group && files.length >= COMPARE_FILE_LIMIT) {
            context.log.warning(`changed-only: ${what} changes ${files.length} or more files, more than GitHub's compare API lists; checking every migration`);
            return undefined;
        }
        // GitHub lists a renamed file under its new name; its old name matters too (an entry may lose its file).
        return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
    }
    catch (error) {
        // Failing open here would hide findings; checking everything only costs time.
        const status = error.status;
        context.log.warning(`changed-only: listing the files of ${what} failed (${status ? `HTTP ${status}: ` : ''}${error.message.split('\n')[0]}); checking every migration`);
        return undefined;
    }
}
function countViolations(findings, failOn) {
    return findings.filter((f) => atLeast(f.level, failOn)).length;
}
const PROOF_LABEL = {
    failed: 'not proven',
    'not-provable': 'not provable',
    'no-backout': 'no back-out',
};
/** Differences listed per migration in the summary; the report has them all. */
const MAX_SUMMARY_PROBLEMS = 20;
function summaryMarkdown(report) {
    const rows = report.entries
        .filter((e) => e.inScope)
        .map((e) => {
        const under = e.detectedRisk !== null &&
            ['low', 'medium', 'high'].indexOf(e.detectedRisk) > ['low', 'medium', 'high'].indexOf(e.declaredRisk);
        const proof = e.backout.status === 'proven'
            ? (0,summary/* statusMark */.w8)(true, e.backout.kind === 'generated' ? 'generated' : '')
            : e.backout.status === 'skipped'
                ? '–'
                : (0,summary/* statusMark */.w8)(false, PROOF_LABEL[e.backout.status] ?? e.backout.status);
        return [
            e.id,
            e.service,
            `${e.declaredRisk} / ${e.detectedRisk ?? '?'}${under ? ' ✗' : ''}`,
            e.locks.join(', ') || 'none',
            e.pii ? `PII, ${e.retentionDays ?? '✗ no'} days` : 'no PII',
            proof.trim(),
        ].map(summary/* escapeCell */.kq);
    });
    const counts = ['error', 'warning', 'notice']
        .map((l) => `${report.findings.filter((f) => f.level === l).length} ${l}s`)
        .join(', ');
    const lines = [
        '## Migration catalog gate',
        '',
        `Catalog \`${report.catalog}\`, migrations \`${report.migrationsDir}\`${report.database ? `, back-outs proven on ${report.database}` : ''}: ${counts}.`,
        '',
        '| id | service | risk declared / detected | locks | PII / retention | back-out proven |',
        '|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${r.join(' | ')} |`),
    ];
    const unproven = report.entries.filter((e) => e.inScope && (e.backout.status === 'failed' || e.backout.status === 'not-provable'));
    if (unproven.length) {
        const proven = report.entries.filter((e) => e.inScope && e.backout.status === 'proven').length;
        lines.push('', '### Back-out proof', '', `${proven} proven, ${unproven.filter((e) => e.backout.status === 'failed').length} not proven, ${unproven.filter((e) => e.backout.status === 'not-provable').length} not provable. Each migration is proven from the schema that precedes it.`);
        for (const e of unproven) {
            lines.push('', `**${(0,summary/* escapeCell */.kq)(e.id)}** (${PROOF_LABEL[e.backout.status]})`, '');
            for (const p of e.backout.problems.slice(0, MAX_SUMMARY_PROBLEMS))
                lines.push(`- ${(0,summary/* escapeCell */.kq)(p)}`);
            if (e.backout.problems.length > MAX_SUMMARY_PROBLEMS)
                lines.push(`- … ${e.backout.problems.length - MAX_SUMMARY_PROBLEMS} more in the JSON report`);
        }
    }
    const suggestions = report.entries.filter((e) => e.suggestedBackout && e.inScope);
    if (suggestions.length) {
        lines.push('', '### Suggested back-outs (no down script)');
        for (const e of suggestions) {
            lines.push('', `**${(0,summary/* escapeCell */.kq)(e.id)}**`, '', '```sql', e.suggestedBackout.sql || '-- nothing to invert', '```');
            for (const i of e.suggestedBackout.irreversible)
                lines.push(`- irreversible (line ${i.line}): ${(0,summary/* escapeCell */.kq)(i.reason)}`);
        }
    }
    const top = report.findings.filter((f) => f.level !== 'notice').slice(0, 50);
    if (top.length) {
        lines.push('', '### Findings', '');
        for (const f of top)
            lines.push(`- ${f.level} \`${f.ruleId}\` ${f.location ? `${(0,summary/* escapeCell */.kq)(f.location.file)}:${f.location.line}` : ''} ${(0,summary/* escapeCell */.kq)(f.message)}`);
    }
    return `${lines.join('\n')}\n`;
}
const sarifInput = (report) => ({
    toolName: 'summit-ops/catalog-gate',
    rules: [...ALL_RULES, EVIDENCE_RULE, EVIDENCE_WRITE_RULE],
    findings: report.findings,
});
async function writeBundle(report, dir, context, decisions) {
    const markdown = summaryMarkdown(report);
    const sarif = buildSarif(sarifInput(report), context.redactor);
    const backouts = report.entries
        .filter((e) => e.suggestedBackout)
        .map((e) => ({
        name: `backouts/${e.id}.sql`,
        content: `${e.suggestedBackout.irreversible.map((i) => `-- irreversible (line ${i.line}): ${i.reason}\n`).join('')}${e.suggestedBackout.sql}\n`,
    }));
    await writeEvidenceBundle(dir, {
        report,
        markdown,
        files: [
            { name: 'catalog-gate.sarif', content: JSON.stringify(sarif, null, 2) },
            ...backouts,
            ...(decisions.length > 0 ? [decisionLogFile(decisions)] : []),
        ],
    }, context.redactor);
}
async function main_toResult(report, failOn, context, evidenceDir, decisions = []) {
    const outDir = evidenceDir ? (0,external_node_path_.join)(context.tempDir, 'catalog-gate-out') : context.tempDir;
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const reportPath = (0,external_node_path_.join)(outDir, 'catalog-gate-report.json');
    const sarifPath = (0,external_node_path_.join)(outDir, 'catalog-gate.sarif');
    let finalReport = reportPath;
    let finalSarif = sarifPath;
    if (evidenceDir) {
        const dir = (0,external_node_path_.isAbsolute)(evidenceDir) ? evidenceDir : (0,external_node_path_.join)(context.workspace, evidenceDir);
        try {
            await writeBundle(report, dir, context, decisions);
            finalReport = (0,external_node_path_.join)(dir, 'report.json');
            finalSarif = (0,external_node_path_.join)(dir, 'catalog-gate.sarif');
        }
        catch (error) {
            // Every finding, the summary and the outputs still count; the bundle is what is lost.
            const code = error.code;
            report.findings.push({
                ruleId: EVIDENCE_WRITE_RULE.id,
                level: 'error',
                message: `evidence-dir ${evidenceDir} cannot be written (${code ?? error.message.split('\n')[0]}); no evidence bundle was written. Point evidence-dir at a writable, fresh directory (e.g. under runner.temp)`,
            });
        }
    }
    const violations = countViolations(report.findings, failOn);
    const markdown = summaryMarkdown(report);
    await (0,promises_.writeFile)(reportPath, `${JSON.stringify(context.redactor.redactDeep(report), null, 2)}\n`);
    // The log's shape is fixed by buildSarif and validated by the tests; compiling the SARIF schema
    // would cost more than the rest of a one-migration (pre-commit) run.
    await writeSarif(sarifPath, sarifInput(report), context.redactor, { validate: false });
    const failed = violations > 0;
    const result = {
        outputs: { violations: String(violations), 'report-path': finalReport, 'sarif-path': finalSarif },
        annotations: report.findings.map((f) => findingToAnnotation(f)),
        summary: markdown,
        checkRun: {
            name: 'catalog-gate',
            title: failed ? `${violations} violation(s)` : 'catalog gate passed',
            conclusion: failed ? 'failure' : 'success',
            summary: markdown,
        },
    };
    if (failed)
        result.failure = `catalog-gate: ${violations} finding(s) at or above '${failOn}'; see the annotations and the job summary`;
    return result;
}


/***/ }),

/***/ 6502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ PGLITE_CONTRIB)
/* harmony export */ });
const PGLITE_CONTRIB = {
    amcheck: async () => (await __webpack_require__.e(/* import() */ 454).then(__webpack_require__.bind(__webpack_require__, 22454))).amcheck,
    auto_explain: async () => (await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 66421))).auto_explain,
    bloom: async () => (await __webpack_require__.e(/* import() */ 771).then(__webpack_require__.bind(__webpack_require__, 38771))).bloom,
    btree_gin: async () => (await __webpack_require__.e(/* import() */ 455).then(__webpack_require__.bind(__webpack_require__, 48455))).btree_gin,
    btree_gist: async () => (await __webpack_require__.e(/* import() */ 218).then(__webpack_require__.bind(__webpack_require__, 99218))).btree_gist,
    citext: async () => (await __webpack_require__.e(/* import() */ 781).then(__webpack_require__.bind(__webpack_require__, 53781))).citext,
    cube: async () => (await __webpack_require__.e(/* import() */ 967).then(__webpack_require__.bind(__webpack_require__, 72967))).cube,
    dict_int: async () => (await __webpack_require__.e(/* import() */ 176).then(__webpack_require__.bind(__webpack_require__, 50176))).dict_int,
    dict_xsyn: async () => (await __webpack_require__.e(/* import() */ 971).then(__webpack_require__.bind(__webpack_require__, 57971))).dict_xsyn,
    earthdistance: async () => (await __webpack_require__.e(/* import() */ 663).then(__webpack_require__.bind(__webpack_require__, 49663))).earthdistance,
    file_fdw: async () => (await __webpack_require__.e(/* import() */ 824).then(__webpack_require__.bind(__webpack_require__, 20824))).file_fdw,
    fuzzystrmatch: async () => (await __webpack_require__.e(/* import() */ 496).then(__webpack_require__.bind(__webpack_require__, 34496))).fuzzystrmatch,
    hstore: async () => (await __webpack_require__.e(/* import() */ 215).then(__webpack_require__.bind(__webpack_require__, 3215))).hstore,
    intarray: async () => (await __webpack_require__.e(/* import() */ 324).then(__webpack_require__.bind(__webpack_require__, 73324))).intarray,
    isn: async () => (await __webpack_require__.e(/* import() */ 58).then(__webpack_require__.bind(__webpack_require__, 57058))).isn,
    lo: async () => (await __webpack_require__.e(/* import() */ 379).then(__webpack_require__.bind(__webpack_require__, 84379))).lo,
    ltree: async () => (await __webpack_require__.e(/* import() */ 948).then(__webpack_require__.bind(__webpack_require__, 948))).ltree,
    moddatetime: async () => (await __webpack_require__.e(/* import() */ 641).then(__webpack_require__.bind(__webpack_require__, 43641))).moddatetime,
    pageinspect: async () => (await __webpack_require__.e(/* import() */ 93).then(__webpack_require__.bind(__webpack_require__, 27093))).pageinspect,
    pg_buffercache: async () => (await __webpack_require__.e(/* import() */ 348).then(__webpack_require__.bind(__webpack_require__, 38348))).pg_buffercache,
    pg_freespacemap: async () => (await __webpack_require__.e(/* import() */ 860).then(__webpack_require__.bind(__webpack_require__, 90860))).pg_freespacemap,
    pg_stat_statements: async () => (await __webpack_require__.e(/* import() */ 341).then(__webpack_require__.bind(__webpack_require__, 37341))).pg_stat_statements,
    pg_surgery: async () => (await __webpack_require__.e(/* import() */ 135).then(__webpack_require__.bind(__webpack_require__, 2135))).pg_surgery,
    pg_trgm: async () => (await __webpack_require__.e(/* import() */ 888).then(__webpack_require__.bind(__webpack_require__, 9888))).pg_trgm,
    pg_visibility: async () => (await __webpack_require__.e(/* import() */ 910).then(__webpack_require__.bind(__webpack_require__, 32910))).pg_visibility,
    pg_walinspect: async () => (await __webpack_require__.e(/* import() */ 814).then(__webpack_require__.bind(__webpack_require__, 56814))).pg_walinspect,
    pgcrypto: async () => (await __webpack_require__.e(/* import() */ 290).then(__webpack_require__.bind(__webpack_require__, 56290))).pgcrypto,
    seg: async () => (await __webpack_require__.e(/* import() */ 230).then(__webpack_require__.bind(__webpack_require__, 70849))).seg,
    tablefunc: async () => (await __webpack_require__.e(/* import() */ 638).then(__webpack_require__.bind(__webpack_require__, 20638))).tablefunc,
    tcn: async () => (await __webpack_require__.e(/* import() */ 869).then(__webpack_require__.bind(__webpack_require__, 69869))).tcn,
    tsm_system_rows: async () => (await __webpack_require__.e(/* import() */ 12).then(__webpack_require__.bind(__webpack_require__, 60012))).tsm_system_rows,
    tsm_system_time: async () => (await __webpack_require__.e(/* import() */ 784).then(__webpack_require__.bind(__webpack_require__, 7784))).tsm_system_time,
    unaccent: async () => (await __webpack_require__.e(/* import() */ 387).then(__webpack_require__.bind(__webpack_require__, 52387))).unaccent,
    'uuid-ossp': async () => (await __webpack_require__.e(/* import() */ 77).then(__webpack_require__.bind(__webpack_require__, 38077))).uuid_ossp,
};


/***/ })

};
