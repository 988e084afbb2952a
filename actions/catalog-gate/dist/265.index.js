import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 265;
export const ids = [265];
export const modules = {

/***/ 1265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EVIDENCE_RULE: () => (/* binding */ EVIDENCE_RULE),
  countViolations: () => (/* binding */ countViolations),
  "default": () => (/* binding */ main),
  summaryMarkdown: () => (/* binding */ summaryMarkdown)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/action.ts
function defineAction(definition) {
    return definition;
}

// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(453);
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
var summary = __webpack_require__(2241);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(2815);
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
var external_node_crypto_ = __webpack_require__(7598);
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
    const present = new Set((await listFiles(dir)).filter((p) => p !== MANIFEST));
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

// EXTERNAL MODULE: ./lib/config.ts
var lib_config = __webpack_require__(9426);
// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(2210);
;// CONCATENATED MODULE: ./lib/schema.ts
/**
 * JSON Schema validation (ajv) whose errors land on the YAML line that caused them, worded for a
 * person: `db/catalog/migrations.yaml:12:5: /0/risk must be one of low, medium, high`.
 */



// ajv-formats is CommonJS; under ESM its default export arrives wrapped once more.
const schema_addFormats = ((dist_default())["default"] ??
    (dist_default()));
function compileSchema(schema) {
    const ajv = new _2020.Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
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

;// CONCATENATED MODULE: ./actions/catalog-gate/schema/catalog.schema.json
const catalog_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://github.com/summit-ops/summit-ops/actions/catalog-gate/schema/catalog.schema.json","title":"Schema-evolution catalog (db/catalog/migrations.yaml)","description":"A list of migrations in the order they are applied. Policy rules (PII retention, rollback and readiness for medium/high risk, owner) are checked by the action after this schema and reported with their own rule ids.","type":"array","items":{"type":"object","additionalProperties":false,"required":["id","service","risk","pii","rollout"],"properties":{"id":{"type":"string","pattern":"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])-[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*$","description":"YYYY-MM-DD-NNN-slug; also the migration file stem (<id>.up.sql, <id>.down.sql)."},"service":{"type":"string","minLength":1,"description":"The service that owns the tables."},"description":{"type":"string"},"risk":{"enum":["low","medium","high"],"description":"Declared risk; must not be lower than the risk detected in the SQL."},"pii":{"type":"boolean","description":"Whether the migration stores personal data."},"retention_days":{"type":"integer","minimum":1,"maximum":36500,"description":"How long PII is kept; required when pii is true."},"fields":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_$]*(\\\\.[A-Za-z_][A-Za-z0-9_$]*)*$","description":"column or table.column"},"pii":{"type":"boolean"},"retention_days":{"type":"integer","minimum":1,"maximum":36500}}}},"rollout":{"enum":["online","concurrent_index","expand_contract","offline"]},"rollback":{"type":"string","minLength":1,"description":"A down file (<name>.sql, relative to the migrations directory), `revert <id>` (a later migration whose up script undoes this one), or one inline SQL statement."},"owner":{"type":"string","pattern":"^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?$","description":"@team or @org/team"},"readiness":{"type":"object","additionalProperties":false,"required":["locks","long_transactions","size_estimate"],"properties":{"locks":{"type":"string","minLength":1,"description":"Which locks are taken and for how long."},"long_transactions":{"type":"string","minLength":1,"description":"How long-running transactions were checked (they block lock acquisition)."},"size_estimate":{"type":"string","minLength":1,"description":"Rows/bytes of the affected tables."}}}}}}');
;// CONCATENATED MODULE: ./actions/catalog-gate/src/sql/analyse.ts
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
};
const RULE_BY_ID = new Map(Object.values(SQL_RULES).map((r) => [r.id, r]));
function sqlRule(id) {
    return RULE_BY_ID.get(id);
}
function emptySchemaState() {
    return {
        domainsWithCheck: new Set(),
        columns: new Map(),
        validatedNotNull: new Set(),
        pendingNotNullChecks: new Map(),
        indexTables: new Map(),
    };
}
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
/** The column name of `col IS NOT NULL`, or undefined. */
function notNullCheckColumn(expr) {
    const [tag, b] = unwrap(expr ?? {});
    if (tag !== 'NullTest' || b.nulltesttype !== 'IS_NOT_NULL')
        return undefined;
    const fields = b.arg?.ColumnRef?.fields ?? [];
    return fields[fields.length - 1]?.String?.sval;
}
/** Safe in-place type changes: varchar widening, varchar/char(n) to text or unbounded varchar. */
function typeChangeIsSafe(from, to) {
    if (!from)
        return undefined;
    if (from.array !== to.array)
        return false;
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
/**
 * Analyses one migration file's statements. `state` carries what earlier files established (pass
 * the same object for every file in catalog order); `assumeInTransaction` says the runner wraps
 * the file in a transaction.
 */
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
                }
                report.irreversible = 'dropped table data cannot be restored';
            }
            else {
                for (const n of names)
                    lockOn(n, 'ACCESS EXCLUSIVE');
            }
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
                        if (c.Constraint?.contype === 'CONSTR_FOREIGN')
                            lockOn(rangeVarName(c.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
                }
                if (elt.Constraint?.contype === 'CONSTR_FOREIGN')
                    lockOn(rangeVarName(elt.Constraint.pktable), 'SHARE ROW EXCLUSIVE');
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
        case 'MergeStmt':
            lockOn(rangeVarName(b.relation), 'ROW EXCLUSIVE');
            if (kind !== 'InsertStmt')
                report.irreversible = 'changed rows cannot be restored from SQL alone';
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
    if (lockRank(report.lock) >= lockRank('SHARE') &&
        !timeoutSet(file.lockTimeout) &&
        report.tables.length > 0) {
        // statement_timeout also bounds the lock wait, but only by the statement's whole time limit:
        // every query behind the waiting statement queues that long. It does not replace lock_timeout.
        add(SQL_RULES.lockTimeout, `${report.lock} on ${report.tables.join(', ')} without a lock_timeout in effect (SET lock_timeout earlier in the file; a SET LOCAL ends at COMMIT or ROLLBACK)${timeoutSet(file.statementTimeout) ? ' (the statement_timeout set earlier lets queries queue behind the lock wait for that whole time; set lock_timeout too)' : ''}`);
    }
    return report;
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
                add(SQL_RULES.alterColumnType, `ALTER COLUMN ${cmd.name} TYPE ${typeText(to)} on ${table}: ${why} the table under ACCESS EXCLUSIVE`);
            }
            cols?.set(cmd.name, to);
            const result = { lock: 'ACCESS EXCLUSIVE', rewrites: safe !== true };
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




const CATALOG_RULES = {
    yaml: { id: 'catalog-yaml', shortDescription: 'The catalog is not valid YAML', defaultLevel: 'error' },
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
const validateCatalog = compileSchema(catalog_schema_namespaceObject);
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
        throw error;
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
        if (previous !== undefined && entry.id < previous) {
            out.push(problem(CATALOG_RULES.outOfOrder, catalog.file, idPos, `id '${entry.id}' sorts before the previous entry '${previous}'; the catalog lists migrations in the order they apply`));
        }
        if (previous === undefined || entry.id > previous)
            previous = entry.id;
        const up = fileFor(pattern.up, entry.id);
        if (!present.has(up))
            out.push(problem(CATALOG_RULES.entryWithoutFile, catalog.file, idPos, `no migration file ${migrationsDir}/${up} for '${entry.id}'; add it or remove the entry`));
        const rollback = entry.rollback?.trim();
        if (rollback && isDownFile(rollback) && !present.has(rollback)) {
            out.push(problem(CATALOG_RULES.rollbackTarget, catalog.file, at(catalog, [i, 'rollback']), `rollback file ${migrationsDir}/${rollback} does not exist`));
        }
        const revert = rollback && /^revert\s+(\S+)$/.exec(rollback);
        if (revert && !catalog.entries.some((e) => e.id === revert[1])) {
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./actions/catalog-gate/src/tar.ts
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

;// CONCATENATED MODULE: ./actions/catalog-gate/src/policy.ts
/**
 * Custom policy: Rego compiled to wasm by the consumer (`opa build -t wasm -e summit/catalog/deny
 * policy/`) and evaluated with @open-policy-agent/opa-wasm. The built-in policy always applies;
 * a custom policy adds its `deny` messages as errors.
 *
 * Accepts the bundle.tar.gz that `opa build` writes (we extract /policy.wasm and /data.json
 * ourselves: opa-wasm does not read tarballs), a plain .tar, or a bare policy.wasm.
 */


const POLICY_ENTRYPOINT = 'summit/catalog/deny';
const BUILD_HINT = `build it with 'opa build -t wasm -e ${POLICY_ENTRYPOINT} policy/' and pass bundle.tar.gz (or the policy.wasm inside it)`;
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
/** Splits the file into the wasm module and the bundle's data document (if any). */
function unpackPolicy(bytes, file) {
    if (isWasm(bytes))
        return { wasm: bytes };
    if (!isGzip(bytes) && !isTar(bytes))
        throw new PolicyError(`policy ${file} is neither a wasm module nor an OPA bundle (.tar.gz): found ${describeStart(bytes)}; ${BUILD_HINT}`);
    let entries;
    try {
        entries = readTarball(bytes);
    }
    catch (error) {
        if (error instanceof TarError)
            throw new PolicyError(`policy ${file} is not a readable OPA bundle: ${error.message}; ${BUILD_HINT}`);
        throw error;
    }
    const wasm = entries.find((e) => e.name === 'policy.wasm');
    if (!wasm) {
        const names = entries
            .map((e) => `/${e.name}`)
            .slice(0, 5)
            .join(', ') || 'no files';
        throw new PolicyError(`policy ${file} is a bundle without /policy.wasm (it has ${names}); it was built without -t wasm: ${BUILD_HINT}`);
    }
    if (!isWasm(wasm.data))
        throw new PolicyError(`policy ${file}: /policy.wasm in the bundle is not a wasm module (${describeStart(wasm.data)}); ${BUILD_HINT}`);
    const dataFile = entries.find((e) => e.name === 'data.json');
    if (!dataFile)
        return { wasm: wasm.data };
    try {
        return { wasm: wasm.data, data: JSON.parse(Buffer.from(dataFile.data).toString('utf8')) };
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
async function loadRegoPolicy(bytes, file, entrypoint = POLICY_ENTRYPOINT) {
    const { wasm, data } = unpackPolicy(bytes, file);
    // Loaded lazily: the SDK is only needed when a policy is configured.
    const { loadPolicy } = await __webpack_require__.e(/* import() */ 774).then(__webpack_require__.bind(__webpack_require__, 7774));
    let policy;
    try {
        policy = await loadPolicy(wasm);
    }
    catch (error) {
        throw new PolicyError(`policy ${file} cannot be loaded as an OPA wasm policy: ${reason(error)}; ${BUILD_HINT}`);
    }
    const entrypoints = Object.keys((policy.entrypoints ?? {}));
    if (!entrypoints.includes(entrypoint)) {
        throw new PolicyError(`policy ${file} has no entrypoint ${entrypoint} (it has ${entrypoints.join(', ') || 'none'}); build with -e ${entrypoint} and define 'deny contains msg if …' in package summit.catalog`);
    }
    if (data !== undefined) {
        try {
            policy.setData(data);
        }
        catch (error) {
            throw new PolicyError(`policy ${file}: loading the bundle's data.json failed: ${reason(error)}`);
        }
    }
    return {
        file,
        deny(input) {
            let resultSet;
            try {
                resultSet = policy.evaluate(input, entrypoint);
            }
            catch (error) {
                throw new PolicyError(`policy ${file}: evaluating ${entrypoint} failed: ${reason(error)}`);
            }
            // An undefined rule gives an empty result set; a partial set rule with no match gives [].
            if (!Array.isArray(resultSet))
                throw new PolicyError(`policy ${file}: ${entrypoint} returned ${JSON.stringify(resultSet)?.slice(0, 80)}, not a result set`);
            if (resultSet.length === 0)
                return [];
            const value = resultSet[0].result;
            if (!Array.isArray(value))
                throw new PolicyError(`policy ${file}: ${entrypoint} is ${JSON.stringify(value)?.slice(0, 80)}; it must be a set of messages ('deny contains msg if …')`);
            return value;
        },
    };
}
async function loadRegoPolicyFile(absolutePath, file) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(absolutePath);
    }
    catch (error) {
        const code = error.code;
        throw new PolicyError(code === 'ENOENT'
            ? `policy ${file} not found; ${BUILD_HINT}`
            : `policy ${file} cannot be read (${code}); ${BUILD_HINT}`);
    }
    return loadRegoPolicy(bytes, file);
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

;// CONCATENATED MODULE: ./actions/catalog-gate/src/backout.ts
class DatabaseUnreachableError extends Error {
    endpoint;
    constructor(endpoint, reason) {
        super(`cannot connect to PostgreSQL at ${endpoint}: ${reason}; check that the server is running and database-url is right`);
        this.name = 'DatabaseUnreachableError';
        this.endpoint = endpoint;
    }
}
async function openPglite() {
    const { PGlite: PGliteClass } = await __webpack_require__.e(/* import() */ 618).then(__webpack_require__.bind(__webpack_require__, 1618));
    const db = new PGliteClass();
    await db.waitReady;
    return {
        label: 'PGlite (embedded)',
        exec: async (sql) => void (await db.exec(sql)),
        rows: async (sql) => (await db.query(sql)).rows,
        close: () => db.close(),
    };
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
    const pg = (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 3849))).default;
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
    });
    // An idle connection error would otherwise crash the process as an unhandled 'error' event.
    client.on('error', () => { });
    try {
        await client.connect();
    }
    catch (error) {
        // Server messages can name the user ("password authentication failed for user …"): scrub both parts.
        let reason = error.message || String(error.code ?? error);
        for (const secret of [
            parsed.password,
            decodeURIComponent(parsed.password),
            parsed.username,
            decodeURIComponent(parsed.username),
        ]) {
            if (secret)
                reason = reason.split(secret).join('***');
        }
        await client.end().catch(() => { });
        throw new DatabaseUnreachableError(endpoint, reason);
    }
    return {
        label: endpoint,
        exec: async (sql) => void (await client.query(sql)),
        rows: async (sql) => (await client.query(sql)).rows,
        close: () => client.end(),
    };
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
          LEFT JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_type t ON t.oid = con.contypid WHERE ${USER_SCHEMAS}`,
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
const isEmpty = (d) => d.added.length + d.removed.length + d.changed.length === 0;
/**
 * Runs a script; in one transaction unless it cannot be, so a failure halfway leaves nothing
 * applied. Returns the failure (file, line, PostgreSQL message) or undefined.
 */
async function runScript(db, script) {
    const wrap = !script.noTransaction;
    if (wrap)
        await db.exec('BEGIN');
    let ran = 0;
    for (const s of script.statements) {
        if (wrap && s.transactionControl)
            continue;
        try {
            await db.exec(s.text);
            ran++;
        }
        catch (error) {
            if (wrap)
                await db.exec('ROLLBACK').catch(() => { });
            const e = error;
            const offset = Number(e.position);
            // PostgreSQL's position is 1-based within the statement text we sent.
            const line = Number.isFinite(offset) && offset > 0
                ? s.line + (s.text.slice(0, offset - 1).match(/\r\n|\r|\n/g)?.length ?? 0)
                : s.line;
            return { file: script.file, line, message: e.message, partial: !wrap && ran > 0 };
        }
    }
    if (wrap)
        await db.exec('COMMIT');
    return undefined;
}
/** Fails when the target database already holds user objects: the proof needs an empty one. */
async function assertEmpty(db) {
    const snap = await snapshotSchema(db);
    if (snap.size > 0) {
        const sample = [...snap.keys()].slice(0, 3).join(', ');
        throw new Error(`database at ${db.label} is not empty (${sample}${snap.size > 3 ? ', …' : ''}); the back-out proof needs a throwaway empty database`);
    }
}
async function proveBackouts(db, migrations, clock = () => performance.now(), home) {
    const results = [];
    let diverged;
    for (const m of migrations) {
        const started = clock();
        const done = (status, problems = [], failure) => {
            const r = { id: m.id, status, problems, ms: clock() - started };
            if (failure)
                r.failure = failure;
            if (m.down?.generated)
                r.generated = true;
            results.push(r);
        };
        if (diverged) {
            done('not-run', [`not run: the schema no longer matches the catalog after ${diverged}`]);
            continue;
        }
        const before = await snapshotSchema(db, home);
        const upFailure = await runScript(db, m.up);
        if (upFailure) {
            done('failed', [`up failed at ${upFailure.file}:${upFailure.line}: ${upFailure.message}`], upFailure);
            diverged = m.id;
            continue;
        }
        if (!m.down) {
            done('no-backout', ['no back-out to prove']);
            continue;
        }
        const downFailure = await runScript(db, m.down);
        if (downFailure) {
            const left = downFailure.partial
                ? ' (statements before it stay applied: the script cannot run in a transaction)'
                : '; nothing of the back-out was applied';
            done('failed', [`back-out failed at ${downFailure.file}:${downFailure.line}: ${downFailure.message}${left}`], downFailure);
            if (downFailure.partial)
                diverged = m.id;
            continue;
        }
        const diff = diffSchemas(before, await snapshotSchema(db, home));
        const reapply = await runScript(db, m.up);
        const problems = describeDiff(diff);
        if (reapply) {
            problems.push(`up cannot be re-applied after the back-out, at ${reapply.file}:${reapply.line}: ${reapply.message}`);
            diverged = m.id;
        }
        if (isEmpty(diff) && !reapply)
            done('proven');
        else
            done('failed', problems, reapply ?? { file: m.down.file, line: 1, message: problems.join('; '), partial: false });
    }
    return results;
}
const quote = (name) => `"${name.replace(/"/g, '""')}"`;
/**
 * Runs the proof in a schema of its own (first on search_path), then drops it and whatever else
 * the migrations created outside it, so the database is empty again for the next run, also after
 * a failure. The database must be empty before: everything in it afterwards is ours to drop.
 */
async function proveInRunSchema(db, migrations, options = {}) {
    await assertEmpty(db);
    const schema = options.schema ??
        `catalog_gate_run_${Math.floor(Math.random() * 0xffffffff)
            .toString(16)
            .padStart(8, '0')}`;
    await db.exec(`CREATE SCHEMA ${quote(schema)}`);
    try {
        await db.exec(`SET search_path TO ${quote(schema)}, public`);
        const results = await proveBackouts(db, migrations, options.clock, schema);
        return { results, leftovers: await cleanUp(db, schema), schema };
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
    notRun: {
        id: 'backout-not-run',
        shortDescription: 'The back-out proof could not run for this migration',
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
    let text;
    try {
        text = await (0,promises_.readFile)(abs(options.catalog), 'utf8');
    }
    catch (error) {
        const code = error.code;
        report.findings.push({
            ruleId: CATALOG_RULES.yaml.id,
            level: 'error',
            message: `${options.catalog}: ${code === 'ENOENT' ? 'catalog file not found; create it or set the catalog input' : `cannot read the catalog (${code})`}`,
            location: { file: options.catalog, line: 1 },
        });
        return report;
    }
    const { catalog, problems } = parseCatalog(options.catalog, text);
    report.findings.push(...problems);
    if (!catalog)
        return report;
    let files;
    try {
        files = (await (0,promises_.readdir)(abs(dirPath))).sort();
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
    const readSql = async (name, entryId) => {
        const display = pathOf(name);
        try {
            return parser_parseSql(await (0,promises_.readFile)(abs(display), 'utf8'), display);
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
            if (stmts)
                downs.set(entry.id, scriptFromStatements(pathOf(rollback.file), stmts));
        }
        else if (rollback.kind === 'inline') {
            const display = `${catalog.file} (rollback of ${entry.id})`;
            try {
                downs.set(entry.id, scriptFromStatements(display, parser_parseSql(rollback.sql, display)));
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
        await prove(options, report, catalog.entries, parsed, downs, fileSet, pattern, pathOf, catalog.entries.length ? catalog.config.locate([0]).line : 1);
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
async function prove(options, report, entries, parsed, downs, fileSet, pattern, pathOf, firstEntryLine) {
    // The proof needs every up script: a gap would make later migrations fail for the wrong reason.
    const missing = entries.filter((e) => !parsed.has(e.id));
    if (missing.length) {
        for (const e of report.entries)
            e.backout.problems.push(`not proven: ${missing[0].id} could not be read or parsed`);
        return;
    }
    const toProve = [];
    for (const entry of entries) {
        const { up, analysis } = parsed.get(entry.id);
        const m = {
            id: entry.id,
            up: scriptFromStatements(pathOf(fileFor(pattern.up, entry.id)), up),
        };
        const rollback = rollbackOf(entry, fileSet, pattern);
        let down = downs.get(entry.id);
        if (rollback.kind === 'revert') {
            const target = parsed.get(rollback.id);
            if (target)
                down = scriptFromStatements(pathOf(fileFor(pattern.up, rollback.id)), target.up);
        }
        else if (rollback.kind === 'none') {
            const suggestion = suggestBackout(analysis);
            if (suggestion.sql && suggestion.irreversible.length === 0)
                down = scriptFromStatements(`(generated back-out of ${entry.id})`, parser_parseSql(suggestion.sql), true);
        }
        if (down)
            m.down = down;
        toProve.push(m);
    }
    // Proof-wide problems belong to the catalog as a whole: annotate its first entry.
    const catalogLocation = { file: report.catalog, line: firstEntryLine };
    let db;
    try {
        db = await (options.openDatabase ?? (() => (options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite())))();
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
            e.backout = {
                status: r.status,
                kind: r.generated ? 'generated' : e.backout.kind,
                problems: r.problems,
                ms: Math.round(r.ms),
            };
            if (r.status === 'failed') {
                const loc = r.failure ? { file: r.failure.file, line: r.failure.line } : { file: e.upFile, line: 1 };
                report.findings.push(withEntry({
                    ruleId: PROOF_RULES.notProven.id,
                    level: 'error',
                    message: `${r.id}: ${r.problems.join('; ')}`,
                    location: loc,
                }, r.id));
            }
            else if (r.status === 'not-run') {
                report.findings.push(withEntry({
                    ruleId: PROOF_RULES.notRun.id,
                    level: 'warning',
                    message: `${r.id}: ${r.problems.join('; ')}`,
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
    policy: (0,inputs/* str */.gx)({ description: 'Custom Rego policy compiled to wasm (opa build -t wasm); optional.' }),
    'changed-only': (0,inputs/* bool */.lc)({
        default: false,
        description: 'Report only migrations whose files the pull request changes.',
    }),
    'fail-on': (0,inputs/* oneOf */.yL)(['error', 'warning'], {
        default: 'error',
        description: 'The lowest finding level that fails the step.',
    }),
    'evidence-dir': (0,inputs/* str */.gx)({ description: 'Write an evidence bundle (report, SARIF, back-outs, manifest) here.' }),
    'github-token': (0,inputs/* str */.gx)({
        secret: true,
        description: 'Token for the changed files of the pull request and the check run.',
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
        if (changedFiles)
            gateOptions.changedFiles = changedFiles;
        if (values.policy)
            gateOptions.policy = rel(context, values.policy);
        // Checked before the analysis: a clash found only when writing would throw away every finding.
        const evidenceProblem = values.evidenceDir ? await nonEmptyDir(context, values.evidenceDir) : undefined;
        const report = await runGate(gateOptions);
        if (evidenceProblem)
            report.findings.push({
                ruleId: EVIDENCE_RULE.id,
                level: 'error',
                message: `evidence-dir ${evidenceProblem}; no evidence bundle was written. Use a fresh directory per run`,
            });
        return main_toResult(report, values.failOn ?? 'error', context, evidenceProblem ? undefined : values.evidenceDir);
    },
}));
const EVIDENCE_RULE = {
    id: 'evidence-dir-not-empty',
    shortDescription: 'The evidence directory already holds files',
    defaultLevel: 'error',
};
/** Why the evidence directory cannot take a bundle (it holds files), or undefined. */
async function nonEmptyDir(context, dir) {
    const path = (0,external_node_path_.isAbsolute)(dir) ? dir : (0,external_node_path_.join)(context.workspace, dir);
    let names;
    try {
        names = await (0,promises_.readdir)(path);
    }
    catch (error) {
        const code = error.code;
        return code === 'ENOENT' ? undefined : `${dir} cannot be read (${code})`;
    }
    return names.length
        ? `${dir} is not empty (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`
        : undefined;
}
function rel(context, path) {
    return ((0,external_node_path_.isAbsolute)(path) ? (0,external_node_path_.relative)(context.workspace, path) : path).split('\\').join('/');
}
/** Files changed by the pull request (GitHub API), or undefined outside a pull request. */
async function changedFilesOf(context) {
    const pr = context.github.event?.['pull_request']?.number;
    const [owner, repo] = (context.github.repository ?? '').split('/');
    if (!pr || !owner || !repo || !context.github.token) {
        context.log.warning('changed-only: not a pull request (or no github-token); checking every migration');
        return undefined;
    }
    const { Octokit } = await __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 891));
    const octokit = new Octokit({
        auth: context.github.token,
        baseUrl: context.github.apiUrl,
        log: { debug() { }, info() { }, warn() { }, error() { } },
    });
    try {
        const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
            owner,
            repo,
            pull_number: pr,
            per_page: 100,
        });
        // GitHub lists a renamed file under its new name; its old name matters too (an entry may lose its file).
        return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
    }
    catch (error) {
        // Failing open here would hide findings; checking everything only costs time.
        const status = error.status;
        context.log.warning(`changed-only: listing the files of pull request #${pr} failed (${status ? `HTTP ${status}: ` : ''}${error.message.split('\n')[0]}); checking every migration`);
        return undefined;
    }
}
function countViolations(findings, failOn) {
    return findings.filter((f) => atLeast(f.level, failOn)).length;
}
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
                : (0,summary/* statusMark */.w8)(false, e.backout.status);
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
async function main_toResult(report, failOn, context, evidenceDir) {
    const outDir = evidenceDir ? (0,external_node_path_.join)(context.tempDir, 'catalog-gate-out') : context.tempDir;
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const reportPath = (0,external_node_path_.join)(outDir, 'catalog-gate-report.json');
    const sarifPath = (0,external_node_path_.join)(outDir, 'catalog-gate.sarif');
    const violations = countViolations(report.findings, failOn);
    const markdown = summaryMarkdown(report);
    const json = JSON.stringify(context.redactor.redactDeep(report), null, 2);
    await (0,promises_.writeFile)(reportPath, `${json}\n`);
    const sarifReport = {
        toolName: 'summit-ops/catalog-gate',
        rules: [...ALL_RULES, EVIDENCE_RULE],
        findings: report.findings,
    };
    const sarif = await writeSarif(sarifPath, sarifReport, context.redactor);
    let finalReport = reportPath;
    let finalSarif = sarifPath;
    if (evidenceDir) {
        const dir = (0,external_node_path_.isAbsolute)(evidenceDir) ? evidenceDir : (0,external_node_path_.join)(context.workspace, evidenceDir);
        const backouts = report.entries
            .filter((e) => e.suggestedBackout)
            .map((e) => ({
            name: `backouts/${e.id}.sql`,
            content: `${e.suggestedBackout.irreversible.map((i) => `-- irreversible (line ${i.line}): ${i.reason}\n`).join('')}${e.suggestedBackout.sql}\n`,
        }));
        await writeEvidenceBundle(dir, {
            report,
            markdown,
            files: [{ name: 'catalog-gate.sarif', content: JSON.stringify(sarif, null, 2) }, ...backouts],
        }, context.redactor);
        finalReport = (0,external_node_path_.join)(dir, 'report.json');
        finalSarif = (0,external_node_path_.join)(dir, 'catalog-gate.sarif');
    }
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

/***/ 9426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   ox: () => (/* binding */ pointerToPath),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export loadConfigFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/**
 * YAML and JSON loading that keeps positions: every value can be traced back to file:line:column,
 * so schema errors and policy findings become annotations on the exact line. JSON is parsed by the
 * same YAML 1.2 parser (JSON is a subset), which gives JSON the same positions for free.
 */


class ConfigError extends Error {
    file;
    line;
    column;
    problem;
    constructor(file, position, problem) {
        super(`${file}:${position.line}:${position.column}: ${problem}`);
        this.name = 'ConfigError';
        this.file = file;
        this.line = position.line;
        this.column = position.column;
        this.problem = problem;
    }
}
/** Parses YAML (or JSON) text; a syntax error is a ConfigError at the parser's position. */
function parseConfig(file, text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    const firstError = doc.errors[0];
    if (firstError) {
        const [line, column] = positionOfError(firstError, lineCounter);
        throw new ConfigError(file, { line, column }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
    }
    const toPosition = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    return {
        file,
        value: doc.toJS({ maxAliasCount: 100 }),
        locate: (path) => toPosition(findNode(doc, path, false)),
        locateKey: (path) => toPosition(findNode(doc, path, true)),
    };
}
async function loadConfigFile(file, displayName = file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const problem = code === 'ENOENT'
            ? 'file not found; check the path input'
            : `cannot read file (${code ?? String(error)})`;
        throw new ConfigError(displayName, { line: 1, column: 1 }, problem);
    }
    return parseConfig(displayName, text);
}
function positionOfError(error, lc) {
    if (error.linePos?.[0])
        return [error.linePos[0].line, error.linePos[0].col];
    const { line, col } = lc.linePos(error.pos[0]);
    return [line, col];
}
/** Walks the document along `path` and returns a start offset. */
function findNode(doc, path, wantKey) {
    let node = doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const isLast = i === path.length - 1;
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isPair */ .tO)(p) && keyOf(p.key) === String(segment));
            if (!pair)
                return offset;
            if (isLast && wantKey)
                return rangeStart(pair.key) ?? offset;
            node = pair.value;
            offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof segment === 'number') {
            node = node.items[segment];
            offset = rangeStart(node) ?? offset;
            if (node === undefined)
                return offset;
        }
        else {
            return offset;
        }
    }
    return offset;
}
function keyOf(key) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(key))
        return String(key.value);
    return undefined;
}
function rangeStart(node) {
    return node?.range?.[0];
}
/** Converts an ajv instancePath (`/items/0/risk`) into path segments. */
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .split('/')
        .slice(1)
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}


/***/ }),

/***/ 453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports int, list, size, camelCase, describe */
/**
 * Action inputs read into a typed object. The spec says what each input is; the reader says what
 * is wrong in one shape: `Input 'x': <what is wrong>; expected <what>`. Defaults live in action.yml
 * (the runner applies them); the spec's `default` is only for readers that have no action.yml.
 */
class InputError extends Error {
    input;
    constructor(input, problem, expected) {
        super(`Input '${input}': ${problem}; expected ${expected}`);
        this.name = 'InputError';
        this.input = input;
    }
}
// Generic over the options so that `str({ default: 'x' })` is typed as always present.
const str = (options = {}) => ({
    kind: 'string',
    ...options,
});
const bool = (options = {}) => ({
    kind: 'boolean',
    ...options,
});
const int = (options = {}) => ({
    kind: 'integer',
    ...options,
});
const list = (options = {}) => ({
    kind: 'list',
    ...options,
});
const size = (options = {}) => ({
    kind: 'size',
    ...options,
});
function oneOf(values, options = {}) {
    return { kind: 'enum', values, ...options };
}
function camelCase(name) {
    return name.replace(/[- ]([a-z0-9])/g, (_, c) => c.toUpperCase());
}
/** Reads every input of `spec`, collecting all problems before failing, so a user fixes them in one go. */
function readInputs(spec, source) {
    const values = {};
    const errors = [];
    for (const [name, descriptor] of Object.entries(spec)) {
        try {
            const parsed = readOne(name, descriptor, source(name));
            if (parsed !== undefined)
                values[camelCase(name)] = parsed;
        }
        catch (error) {
            if (error instanceof InputError)
                errors.push(error);
            else
                throw error;
        }
    }
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new InputErrors(errors);
    return values;
}
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.name = 'InputErrors';
        this.errors = errors;
    }
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function readOne(name, d, raw) {
    const text = raw?.trim();
    if (text === undefined || text === '') {
        if (d.default !== undefined)
            return d.default;
        if (d.required)
            throw new InputError(name, 'is required but was not given', describe(d));
        return undefined;
    }
    switch (d.kind) {
        case 'string':
            if (d.pattern && !d.pattern.test(text)) {
                throw new InputError(name, `'${d.secret ? '***' : text}' is not valid`, d.patternHint ?? `a value matching ${d.pattern}`);
            }
            return text;
        case 'boolean':
            // The YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts.
            if (TRUE.includes(text))
                return true;
            if (FALSE.includes(text))
                return false;
            throw new InputError(name, `'${text}' is not a boolean`, 'true or false');
        case 'integer': {
            if (!/^[+-]?\d+$/.test(text))
                throw new InputError(name, `'${text}' is not an integer`, describe(d));
            const n = Number(text);
            if (!Number.isSafeInteger(n))
                throw new InputError(name, `${text} is too large`, describe(d));
            if ((d.min !== undefined && n < d.min) || (d.max !== undefined && n > d.max)) {
                throw new InputError(name, `${n} is out of range`, describe(d));
            }
            return n;
        }
        case 'enum':
            if (!d.values.includes(text))
                throw new InputError(name, `'${text}' is not one of the choices`, describe(d));
            return text;
        case 'list':
            return text
                .split(/[\n,]/)
                .map((item) => item.trim())
                .filter((item) => item !== '' && !item.startsWith('#'));
        case 'size':
            return parseSize(name, text);
    }
}
const SIZE_UNITS = {
    '': 1,
    b: 1,
    k: 1024,
    kb: 1024,
    kib: 1024,
    m: 1024 ** 2,
    mb: 1024 ** 2,
    mib: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1024 ** 3,
    gib: 1024 ** 3,
};
function parseSize(name, text) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text);
    const unit = match ? SIZE_UNITS[match[2].toLowerCase()] : undefined;
    if (!match || unit === undefined)
        throw new InputError(name, `'${text}' is not a size`, 'a byte count such as 1048576, 512k, 10M or 1G');
    const bytes = Math.round(Number(match[1]) * unit);
    if (!Number.isSafeInteger(bytes))
        throw new InputError(name, `'${text}' is too large`, 'a byte count such as 1048576, 512k, 10M or 1G');
    return bytes;
}
function describe(d) {
    switch (d.kind) {
        case 'string':
            return d.patternHint ?? 'a non-empty string';
        case 'boolean':
            return 'true or false';
        case 'integer':
            if (d.min !== undefined && d.max !== undefined)
                return `an integer from ${d.min} to ${d.max}`;
            if (d.min !== undefined)
                return `an integer >= ${d.min}`;
            if (d.max !== undefined)
                return `an integer <= ${d.max}`;
            return 'an integer';
        case 'enum':
            return `one of ${d.values.map((v) => `'${v}'`).join(', ')}`;
        case 'list':
            return 'a newline- or comma-separated list';
        case 'size':
            return 'a byte count such as 1048576, 512k, 10M or 1G';
    }
}


/***/ }),

/***/ 2241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   w8: () => (/* binding */ statusMark)
/* harmony export */ });
/* unused harmony exports PASS_MARK, FAIL_MARK, markdownCell, inlineCode, codeBlock, table, bulletList, heading, paragraph, details, SummaryBuilder, summary */
/**
 * A small markdown builder for GitHub job summaries (GITHUB_STEP_SUMMARY). Pure: it only builds a
 * string. Text handed to it is treated as literal text, not markdown, so a finding message that
 * contains `|`, `*`, `<script>` or a newline cannot break the table it sits in or inject markup;
 * use `raw()` for trusted markdown.
 */
const PASS_MARK = '✓';
const FAIL_MARK = '✗';
/** Marks a cell as markdown we built ourselves (never user text: that must stay escaped). */
function markdownCell(markdown) {
    return { markdown };
}
/**
 * Escapes text for a markdown paragraph or list item: inline markdown punctuation is
 * backslash-escaped everywhere, block markers only at the start of a line, and HTML-significant
 * characters become entities because job summaries render HTML too.
 */
function escapeText(text) {
    return (text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~])/g, '\\$1')
        // Only at the start of a line do these open a heading, list, quote or setext underline.
        .replace(/^(\s*)([#+\-=])/gm, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/gm, '$1\\$2'));
}
/**
 * Escapes text for one table cell: everything escapeText does, plus newlines become `<br>` (a raw
 * newline ends the table row) and `|` is escaped (GFM splits cells on it even inside code spans).
 */
function escapeCell(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'object')
        return value.markdown.replace(/\r?\n/g, '<br>').replace(/(?<!\\)\|/g, '\\|');
    const text = String(value).replace(/\r\n?/g, '\n');
    return text
        .split('\n')
        .map((line) => escapeText(line))
        .join('<br>');
}
/** ✓ or ✗, with optional text after it. */
function statusMark(ok, text) {
    const mark = ok ? PASS_MARK : FAIL_MARK;
    return text === undefined ? mark : `${mark} ${text}`;
}
/** Inline code that survives backticks inside the text (CommonMark: use a longer fence). */
function inlineCode(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Fenced code block; the fence grows past any run of backticks in the code so it cannot close early. */
function codeBlock(code, language = '') {
    const longest = Math.max(0, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const body = code.endsWith('\n') ? code : `${code}\n`;
    return `${fence}${language.replace(/[`\s]/g, '')}\n${body}${fence}`;
}
/**
 * A GFM table whose columns are padded to equal width so the source reads as a table too.
 * Rows shorter than the header are padded with empty cells; longer rows are an error (a silent
 * drop would hide data).
 */
function table(columns, rows) {
    const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
    if (cols.length === 0)
        throw new Error('table(): at least one column is required');
    const body = rows.map((row, index) => {
        if (row.length > cols.length) {
            throw new Error(`table(): row ${index + 1} has ${row.length} cells but the table has ${cols.length} columns`);
        }
        return cols.map((_, i) => escapeCell(row[i]));
    });
    const header = cols.map((c) => escapeCell(c.header));
    const widths = cols.map((c, i) => Math.max(3, displayWidth(header[i] ?? ''), ...body.map((r) => displayWidth(r[i] ?? ''))));
    const line = (cells) => `| ${cells.map((cell, i) => pad(cell, widths[i] ?? 3, cols[i]?.align)).join(' | ')} |`;
    const rule = `| ${cols.map((c, i) => alignRule(widths[i] ?? 3, c.align)).join(' | ')} |`;
    return [line(header), rule, ...body.map(line)].join('\n');
}
function bulletList(items, depth = 0) {
    const indent = '  '.repeat(depth);
    const lines = [];
    for (const item of items) {
        if (Array.isArray(item)) {
            if (item.length > 0)
                lines.push(bulletList(item, depth + 1));
        }
        else {
            lines.push(`${indent}- ${escapeCell(item)}`);
        }
    }
    return lines.join('\n');
}
function heading(text, level = 2) {
    return `${'#'.repeat(level)} ${escapeText(text.replace(/\s*\r?\n\s*/g, ' '))}`;
}
function paragraph(text) {
    return escapeText(text);
}
/**
 * A collapsible block. The summary line is escaped; the body is markdown (build it with the other
 * helpers). The blank lines around the body are what makes GitHub render markdown inside HTML.
 */
function details(summaryText, bodyMarkdown, open = false) {
    return `<details${open ? ' open' : ''}><summary>${escapeCell(summaryText)}</summary>\n\n${bodyMarkdown.replace(/\s+$/, '')}\n\n</details>`;
}
/** Collects blocks and joins them with blank lines. */
class SummaryBuilder {
    blocks = [];
    heading(text, level = 2) {
        return this.push(heading(text, level));
    }
    paragraph(text) {
        return this.push(paragraph(text));
    }
    table(columns, rows) {
        return this.push(table(columns, rows));
    }
    list(items) {
        return items.length === 0 ? this : this.push(bulletList(items));
    }
    details(summaryText, body, open = false) {
        return this.push(details(summaryText, typeof body === 'string' ? body : body.toString(), open));
    }
    code(code, language = '') {
        return this.push(codeBlock(code, language));
    }
    status(ok, text) {
        return this.push(statusMark(ok, escapeText(text)));
    }
    /** Trusted markdown, inserted as is. */
    raw(markdown) {
        return this.push(markdown);
    }
    toString() {
        return this.blocks.length === 0 ? '' : `${this.blocks.join('\n\n')}\n`;
    }
    push(block) {
        this.blocks.push(block);
        return this;
    }
}
function summary() {
    return new SummaryBuilder();
}
function alignRule(width, align) {
    switch (align) {
        case 'center':
            return `:${'-'.repeat(width - 2)}:`;
        case 'right':
            return `${'-'.repeat(width - 1)}:`;
        case 'left':
            return `:${'-'.repeat(width - 1)}`;
        default:
            return '-'.repeat(width);
    }
}
function pad(cell, width, align) {
    const gap = width - displayWidth(cell);
    if (gap <= 0)
        return cell;
    if (align === 'right')
        return ' '.repeat(gap) + cell;
    if (align === 'center')
        return ' '.repeat(Math.floor(gap / 2)) + cell + ' '.repeat(gap - Math.floor(gap / 2));
    return cell + ' '.repeat(gap);
}
/** Code points, not UTF-16 units, so ✓ and emoji do not skew the padding. */
function displayWidth(text) {
    let n = 0;
    for (const _ of text)
        n++;
    return n;
}


/***/ })

};
