import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 150;
export const ids = [150];
export const modules = {

/***/ 779:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatNames = exports.fastFormats = exports.fullFormats = void 0;
function fmtDef(validate, compare) {
    return { validate, compare };
}
exports.fullFormats = {
    // date: http://tools.ietf.org/html/rfc3339#section-5.6
    date: fmtDef(date, compareDate),
    // date-time: http://tools.ietf.org/html/rfc3339#section-5.6
    time: fmtDef(getTime(true), compareTime),
    "date-time": fmtDef(getDateTime(true), compareDateTime),
    "iso-time": fmtDef(getTime(), compareIsoTime),
    "iso-date-time": fmtDef(getDateTime(), compareIsoDateTime),
    // duration: https://tools.ietf.org/html/rfc3339#appendix-A
    duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
    uri,
    "uri-reference": /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
    // uri-template: https://tools.ietf.org/html/rfc6570
    "uri-template": /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i,
    // For the source: https://gist.github.com/dperini/729294
    // For test cases: https://mathiasbynens.be/demo/url-regex
    url: /^(?:https?|ftp):\/\/(?:\S+(?::\S*)?@)?(?:(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)(?:\.(?:[a-z0-9\u{00a1}-\u{ffff}]+-)*[a-z0-9\u{00a1}-\u{ffff}]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu,
    email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
    hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
    // optimized https://www.safaribooksonline.com/library/view/regular-expressions-cookbook/9780596802837/ch07s16.html
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
    ipv6: /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i,
    regex,
    // uuid: http://tools.ietf.org/html/rfc4122
    uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    // JSON-pointer: https://tools.ietf.org/html/rfc6901
    // uri fragment: https://tools.ietf.org/html/rfc3986#appendix-A
    "json-pointer": /^(?:\/(?:[^~/]|~0|~1)*)*$/,
    "json-pointer-uri-fragment": /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
    // relative JSON-pointer: http://tools.ietf.org/html/draft-luff-relative-json-pointer-00
    "relative-json-pointer": /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
    // the following formats are used by the openapi specification: https://spec.openapis.org/oas/v3.0.0#data-types
    // byte: https://github.com/miguelmota/is-base64
    byte,
    // signed 32 bit integer
    int32: { type: "number", validate: validateInt32 },
    // signed 64 bit integer
    int64: { type: "number", validate: validateInt64 },
    // C-type float
    float: { type: "number", validate: validateNumber },
    // C-type double
    double: { type: "number", validate: validateNumber },
    // hint to the UI to hide input strings
    password: true,
    // unchecked string payload
    binary: true,
};
exports.fastFormats = {
    ...exports.fullFormats,
    date: fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d$/, compareDate),
    time: fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareTime),
    "date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i, compareDateTime),
    "iso-time": fmtDef(/^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoTime),
    "iso-date-time": fmtDef(/^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i, compareIsoDateTime),
    // uri: https://github.com/mafintosh/is-my-json-valid/blob/master/formats.js
    uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
    "uri-reference": /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
    // email (sources from jsen validator):
    // http://stackoverflow.com/questions/201323/using-a-regular-expression-to-validate-an-email-address#answer-8829363
    // http://www.w3.org/TR/html5/forms.html#valid-e-mail-address (search for 'wilful violation')
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
};
exports.formatNames = Object.keys(exports.fullFormats);
function isLeapYear(year) {
    // https://tools.ietf.org/html/rfc3339#appendix-C
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function date(str) {
    // full-date from http://tools.ietf.org/html/rfc3339#section-5.6
    const matches = DATE.exec(str);
    if (!matches)
        return false;
    const year = +matches[1];
    const month = +matches[2];
    const day = +matches[3];
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]));
}
function compareDate(d1, d2) {
    if (!(d1 && d2))
        return undefined;
    if (d1 > d2)
        return 1;
    if (d1 < d2)
        return -1;
    return 0;
}
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
function getTime(strictTimeZone) {
    return function time(str) {
        const matches = TIME.exec(str);
        if (!matches)
            return false;
        const hr = +matches[1];
        const min = +matches[2];
        const sec = +matches[3];
        const tz = matches[4];
        const tzSign = matches[5] === "-" ? -1 : 1;
        const tzH = +(matches[6] || 0);
        const tzM = +(matches[7] || 0);
        if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz))
            return false;
        if (hr <= 23 && min <= 59 && sec < 60)
            return true;
        // leap second
        const utcMin = min - tzM * tzSign;
        const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
        return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
    };
}
function compareTime(s1, s2) {
    if (!(s1 && s2))
        return undefined;
    const t1 = new Date("2020-01-01T" + s1).valueOf();
    const t2 = new Date("2020-01-01T" + s2).valueOf();
    if (!(t1 && t2))
        return undefined;
    return t1 - t2;
}
function compareIsoTime(t1, t2) {
    if (!(t1 && t2))
        return undefined;
    const a1 = TIME.exec(t1);
    const a2 = TIME.exec(t2);
    if (!(a1 && a2))
        return undefined;
    t1 = a1[1] + a1[2] + a1[3];
    t2 = a2[1] + a2[2] + a2[3];
    if (t1 > t2)
        return 1;
    if (t1 < t2)
        return -1;
    return 0;
}
const DATE_TIME_SEPARATOR = /t|\s/i;
function getDateTime(strictTimeZone) {
    const time = getTime(strictTimeZone);
    return function date_time(str) {
        // http://tools.ietf.org/html/rfc3339#section-5.6
        const dateTime = str.split(DATE_TIME_SEPARATOR);
        return dateTime.length === 2 && date(dateTime[0]) && time(dateTime[1]);
    };
}
function compareDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const d1 = new Date(dt1).valueOf();
    const d2 = new Date(dt2).valueOf();
    if (!(d1 && d2))
        return undefined;
    return d1 - d2;
}
function compareIsoDateTime(dt1, dt2) {
    if (!(dt1 && dt2))
        return undefined;
    const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
    const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
    const res = compareDate(d1, d2);
    if (res === undefined)
        return undefined;
    return res || compareTime(t1, t2);
}
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function uri(str) {
    // http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
    return NOT_URI_FRAGMENT.test(str) && URI.test(str);
}
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;
function byte(str) {
    BYTE.lastIndex = 0;
    return BYTE.test(str);
}
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
function validateInt32(value) {
    return Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32;
}
function validateInt64(value) {
    // JSON and javascript max Int is 2**53, so any int that passes isInteger is valid for Int64
    return Number.isInteger(value);
}
function validateNumber() {
    return true;
}
const Z_ANCHOR = /[^\\]\\Z/;
function regex(str) {
    if (Z_ANCHOR.test(str))
        return false;
    try {
        new RegExp(str);
        return true;
    }
    catch (e) {
        return false;
    }
}
//# sourceMappingURL=formats.js.map

/***/ }),

/***/ 2815:
/***/ ((module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const formats_1 = __webpack_require__(779);
const limit_1 = __webpack_require__(1284);
const codegen_1 = __webpack_require__(1436);
const fullName = new codegen_1.Name("fullFormats");
const fastName = new codegen_1.Name("fastFormats");
const formatsPlugin = (ajv, opts = { keywords: true }) => {
    if (Array.isArray(opts)) {
        addFormats(ajv, opts, formats_1.fullFormats, fullName);
        return ajv;
    }
    const [formats, exportName] = opts.mode === "fast" ? [formats_1.fastFormats, fastName] : [formats_1.fullFormats, fullName];
    const list = opts.formats || formats_1.formatNames;
    addFormats(ajv, list, formats, exportName);
    if (opts.keywords)
        (0, limit_1.default)(ajv);
    return ajv;
};
formatsPlugin.get = (name, mode = "full") => {
    const formats = mode === "fast" ? formats_1.fastFormats : formats_1.fullFormats;
    const f = formats[name];
    if (!f)
        throw new Error(`Unknown format "${name}"`);
    return f;
};
function addFormats(ajv, list, fs, exportName) {
    var _a;
    var _b;
    (_a = (_b = ajv.opts.code).formats) !== null && _a !== void 0 ? _a : (_b.formats = (0, codegen_1._) `require("ajv-formats/dist/formats").${exportName}`);
    for (const f of list)
        ajv.addFormat(f, fs[f]);
}
module.exports = exports = formatsPlugin;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = formatsPlugin;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 1284:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.formatLimitDefinition = void 0;
const ajv_1 = __webpack_require__(2463);
const codegen_1 = __webpack_require__(1436);
const ops = codegen_1.operators;
const KWDs = {
    formatMaximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
    formatMinimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
    formatExclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
    formatExclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
};
const error = {
    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `should be ${KWDs[keyword].okStr} ${schemaCode}`,
    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
};
exports.formatLimitDefinition = {
    keyword: Object.keys(KWDs),
    type: "string",
    schemaType: "string",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, schemaCode, keyword, it } = cxt;
        const { opts, self } = it;
        if (!opts.validateFormats)
            return;
        const fCxt = new ajv_1.KeywordCxt(it, self.RULES.all.format.definition, "format");
        if (fCxt.$data)
            validate$DataFormat();
        else
            validateFormat();
        function validate$DataFormat() {
            const fmts = gen.scopeValue("formats", {
                ref: self.formats,
                code: opts.code.formats,
            });
            const fmt = gen.const("fmt", (0, codegen_1._) `${fmts}[${fCxt.schemaCode}]`);
            cxt.fail$data((0, codegen_1.or)((0, codegen_1._) `typeof ${fmt} != "object"`, (0, codegen_1._) `${fmt} instanceof RegExp`, (0, codegen_1._) `typeof ${fmt}.compare != "function"`, compareCode(fmt)));
        }
        function validateFormat() {
            const format = fCxt.schema;
            const fmtDef = self.formats[format];
            if (!fmtDef || fmtDef === true)
                return;
            if (typeof fmtDef != "object" ||
                fmtDef instanceof RegExp ||
                typeof fmtDef.compare != "function") {
                throw new Error(`"${keyword}": format "${format}" does not define "compare" function`);
            }
            const fmt = gen.scopeValue("formats", {
                key: format,
                ref: fmtDef,
                code: opts.code.formats ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(format)}` : undefined,
            });
            cxt.fail$data(compareCode(fmt));
        }
        function compareCode(fmt) {
            return (0, codegen_1._) `${fmt}.compare(${data}, ${schemaCode}) ${KWDs[keyword].fail} 0`;
        }
    },
    dependencies: ["format"],
};
const formatLimitPlugin = (ajv) => {
    ajv.addKeyword(exports.formatLimitDefinition);
    return ajv;
};
exports["default"] = formatLimitPlugin;
//# sourceMappingURL=limit.js.map

/***/ }),

/***/ 1150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_FILE_SIZE: () => (/* binding */ DEFAULT_MAX_FILE_SIZE),
  FAILING_SKIPS: () => (/* binding */ FAILING_SKIPS),
  createDlpScan: () => (/* binding */ createDlpScan),
  "default": () => (/* binding */ main),
  parseThreads: () => (/* binding */ parseThreads),
  resolvePlan: () => (/* binding */ resolvePlan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/action.ts
function defineAction(definition) {
    return definition;
}

// EXTERNAL MODULE: ./lib/github.ts
var lib_github = __webpack_require__(2183);
// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(453);
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

// EXTERNAL MODULE: ./lib/digest.ts
var digest = __webpack_require__(9416);
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
        files.push({ path: name, sha256: (0,digest/* sha256Hex */.f)(bytes), size: bytes.length });
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

// EXTERNAL MODULE: ./lib/dlp/pack.ts + 5 modules
var pack = __webpack_require__(7782);
// EXTERNAL MODULE: ./lib/dlp/scan.ts
var scan = __webpack_require__(492);
;// CONCATENATED MODULE: ./lib/dlp/report.ts
function redactionLog(findings) {
    const byRule = {};
    const byTag = {};
    const bySeverity = { error: 0, warning: 0, notice: 0 };
    for (const f of findings) {
        byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
        bySeverity[f.severity]++;
        for (const tag of f.tags)
            byTag[tag] = (byTag[tag] ?? 0) + 1;
    }
    const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    return { total: findings.length, byRule: sorted(byRule), bySeverity, byTag: sorted(byTag) };
}
function gitleaksReport(findings) {
    return findings.map((f) => ({
        RuleID: f.ruleId,
        Description: f.description,
        StartLine: f.line,
        EndLine: f.endLine,
        StartColumn: f.column,
        EndColumn: f.endColumn - 1,
        Match: f.matchPreview,
        Secret: f.preview,
        File: f.path,
        SymlinkFile: '',
        Commit: f.commit?.sha ?? '',
        Entropy: f.entropy ?? 0,
        Author: f.commit?.author ?? '',
        Email: f.commit?.email ?? '',
        Date: f.commit?.date ?? '',
        Message: f.commit?.message ?? '',
        Tags: [...f.tags],
        Fingerprint: f.fingerprint,
    }));
}
/**
 * A finding about the scan's own configuration (dlp-scan's `dlp-config-*` rules) rather than a
 * value: every rule of a pack is tagged `secret` or `pii`, so one with neither is not a match.
 * Its description is the whole message; its preview is a word such as `added`, not a value.
 */
function isConfigFinding(f) {
    return !f.tags.includes('secret') && !f.tags.includes('pii');
}
/** The shared report vocabulary (annotations, SARIF) for a finding. */
function toReportFinding(f) {
    return {
        ruleId: f.ruleId,
        level: f.severity,
        message: isConfigFinding(f) ? f.description : `${f.description}: ${f.preview}`,
        location: { file: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
        fingerprint: f.fingerprint,
        properties: {
            preview: f.preview,
            tags: f.tags,
            ...(f.entropy !== undefined ? { entropy: f.entropy } : {}),
        },
    };
}
function ruleDescriptors(pack) {
    return pack.rules.map((r) => ({
        id: r.id,
        shortDescription: r.spec.description,
        defaultLevel: r.spec.severity,
        tags: [...r.spec.tags],
    }));
}

// EXTERNAL MODULE: ./lib/dlp/validators.ts
var validators = __webpack_require__(330);
;// CONCATENATED MODULE: ./lib/dlp/synth.ts
/**
 * Synthetic secrets and PII, generated at run time from a seeded PRNG so nothing secret-looking
 * is committed in clear. Shared by the labelled cases, the tests and the benchmark.
 */

/** mulberry32: tiny, seedable, good enough for test data. */
function synth_seededRng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const synth_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const synth_BASE64 = synth_ALNUM + '+/';
const BASE64URL = synth_ALNUM + '-_';
const synth_UPPER_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const synth_DIGITS = '0123456789';
const synth_HEX = '0123456789abcdef';
function synth_pick(rng, alphabet, length) {
    let out = '';
    for (let i = 0; i < length; i++)
        out += alphabet[Math.floor(rng() * alphabet.length)];
    return out;
}
function synth_int(rng, min, max) {
    return min + Math.floor(rng() * (max - min + 1));
}
/** Random base62 with at least one digit, upper and lower: what real generators produce. */
function mixed(rng, length) {
    for (;;) {
        const s = synth_pick(rng, synth_ALNUM, length);
        if (/\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s))
            return s;
    }
}
function corrupt(rng, value) {
    const last = value[value.length - 1];
    let replacement = last;
    while (replacement === last)
        replacement = synth_pick(rng, synth_ALNUM, 1);
    return value.slice(0, -1) + replacement;
}
function synth_githubToken(rng, validChecksum = true, kind = 'p') {
    const random = mixed(rng, 30);
    const token = `gh${kind}_` + random + checksumTokenBody(random);
    return validChecksum ? token : corrupt(rng, token);
}
function synth_npmToken(rng, validChecksum = true) {
    const random = mixed(rng, 30);
    const token = 'npm' + '_' + random + checksumTokenBody(random);
    return validChecksum ? token : corrupt(rng, token);
}
const synth_synth = {
    awsAccessKeyId: (rng) => 'AK' + 'IA' + synth_pick(rng, synth_UPPER_BASE32, 16),
    awsSecret: (rng) => mixed(rng, 36) + synth_pick(rng, synth_BASE64, 4),
    githubFineGrained: (rng) => 'github' + '_pat_' + mixed(rng, 22) + '_' + mixed(rng, 59),
    gitlab: (rng) => 'gl' + 'pat-' + mixed(rng, 20),
    slack: (rng) => 'xo' + 'xb-' + synth_pick(rng, synth_DIGITS, 12) + '-' + synth_pick(rng, synth_DIGITS, 13) + '-' + mixed(rng, 24),
    slackWebhook: (rng) => 'https://hooks.slack.com/' +
        'services/T' +
        synth_pick(rng, synth_UPPER_BASE32, 10) +
        '/B' +
        synth_pick(rng, synth_UPPER_BASE32, 10) +
        '/' +
        mixed(rng, 24),
    stripe: (rng) => 'sk' + '_live_' + mixed(rng, 24 + synth_int(rng, 0, 75)),
    google: (rng) => 'AI' + 'za' + mixed(rng, 30) + synth_pick(rng, BASE64URL, 5),
    azureConnectionString: (rng) => `DefaultEndpointsProtocol=https;AccountName=acct${synth_pick(rng, synth_DIGITS, 4)};Account` +
        `Key=${mixed(rng, 60)}${synth_pick(rng, synth_BASE64, 26)}==;EndpointSuffix=core.windows.net`,
    pypi: (rng) => 'pypi-' + 'AgEIcHlwaS5vcmc' + mixed(rng, 40) + synth_pick(rng, BASE64URL, 30),
    privateKey: (rng, kind = 'RSA') => {
        const lines = [];
        for (let i = 0; i < 12; i++)
            lines.push(synth_pick(rng, synth_BASE64, 64));
        return (`-----BEGIN ${kind} PRIVATE` + ` KEY-----\n${lines.join('\n')}\n-----END ${kind} PRIVATE` + ' KEY-----');
    },
    jwt: (rng) => {
        const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ sub: mixed(rng, 12), iat: synth_int(rng, 1.6e9, 1.8e9) })}.${synth_pick(rng, BASE64URL, 43)}`;
    },
    genericValue: (rng) => mixed(rng, 32),
    ssn: (rng) => {
        let area = synth_int(rng, 1, 899);
        if (area === 666)
            area = 667;
        return `${String(area).padStart(3, '0')}-${String(synth_int(rng, 1, 99)).padStart(2, '0')}-${String(synth_int(rng, 1, 9999)).padStart(4, '0')}`;
    },
    email: (rng) => `${synth_pick(rng, 'abcdefghijklmnopqrstuvwxyz', 6)}.${synth_pick(rng, 'abcdefghijklmnopqrstuvwxyz', 5)}@${synth_pick(rng, 'abcdefghijklmnopqrstuvwxyz', 7)}.com`,
    phone: (rng) => `(${synth_int(rng, 2, 9)}${synth_pick(rng, synth_DIGITS, 2)}) ${synth_int(rng, 2, 9)}${synth_pick(rng, '0123456789', 2).replace(/^55$/, '56')}-${synth_pick(rng, synth_DIGITS, 4)}`,
};
const CARD_PREFIXES = {
    visa: { prefixes: ['4'], length: 16 },
    mastercard: { prefixes: ['51', '55', '2221', '2720'], length: 16 },
    amex: { prefixes: ['34', '37'], length: 15 },
    discover: { prefixes: ['6011', '65', '644'], length: 16 },
    jcb: { prefixes: ['3528', '3589'], length: 16 },
    diners: { prefixes: ['36', '300'], length: 14 },
};
/** The digit that makes `partial + digit` pass the Luhn check. */
function synth_luhnCheckDigit(partial) {
    for (let d = 0; d <= 9; d++)
        if (luhnValid(partial + d))
            return String(d);
    throw new Error('unreachable');
}
/** A card number with a brand prefix and length; `validLuhn=false` gives a wrong check digit. */
function synth_cardNumber(rng, brand, validLuhn = true, prefix) {
    const spec = CARD_PREFIXES[brand];
    const start = prefix ?? spec.prefixes[synth_int(rng, 0, spec.prefixes.length - 1)];
    let partial = start + synth_pick(rng, synth_DIGITS, spec.length - start.length - 1);
    if (/^(\d)\1+$/.test(partial))
        partial = partial.slice(0, -1) + ((Number(partial.slice(-1)) + 1) % 10);
    const check = synth_luhnCheckDigit(partial);
    return partial + (validLuhn ? check : String((Number(check) + 1 + synth_int(rng, 0, 8)) % 10));
}
function synth_groupCard(digits, separator = ' ') {
    if (digits.length === 15 || digits.length === 14)
        return `${digits.slice(0, 4)}${separator}${digits.slice(4, 10)}${separator}${digits.slice(10)}`;
    return digits.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
}
const BBAN = {
    DE: (rng) => synth_pick(rng, synth_DIGITS, 18),
    GB: (rng) => synth_pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + synth_pick(rng, synth_DIGITS, 14),
    FR: (rng) => synth_pick(rng, synth_DIGITS, 23),
    NL: (rng) => synth_pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + synth_pick(rng, synth_DIGITS, 10),
    ES: (rng) => synth_pick(rng, synth_DIGITS, 20),
};
function synth_iban(rng, country = 'DE', validChecksum = true) {
    const bban = BBAN[country](rng);
    const check = 98 - ibanMod97(`${country}00${bban}`);
    const good = `${country}${String(check).padStart(2, '0')}${bban}`;
    if (validChecksum)
        return good;
    const wrong = (check % 97) + 1 === check ? check + 1 : (check % 97) + 1;
    return `${country}${String(wrong === check ? check - 1 : wrong).padStart(2, '0')}${bban}`;
}
function synth_groupIban(value) {
    return value.replace(/(.{4})(?=.)/g, '$1 ');
}
function synth_uuid(rng) {
    const h = synth_pick(rng, synth_HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

;// CONCATENATED MODULE: ./lib/dlp/cases.ts
/**
 * Labelled cases, generated at run time: every rule gets positives and negatives. The CI scanner
 * tests and the Envoy-Lua ingress tests run over the same cases, so the two agree on what is PII.
 *
 *   import { labelledCases } from '../lib/dlp/cases.ts';
 *   for (const c of labelledCases()) { ...scan c.text, expect exactly c.expectedRuleIds... }
 */

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Hiragana: text in a script without spaces, as messages in Japanese are written. */
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';
function labelledCases(seed = 20261101) {
    const rng = seededRng(seed);
    const cases = [];
    const pos = (rule, name, text, expected = [rule]) => cases.push({ rule, name: `${rule}: ${name}`, text, expectedRuleIds: expected });
    const neg = (rule, name, text) => cases.push({ rule, name: `${rule}: ${name} (negative)`, text, expectedRuleIds: [] });
    // AWS
    pos('aws-access-key-id', 'in an env file', `AWS_ACCESS_KEY_ID=${synth.awsAccessKeyId(rng)}\n`);
    pos('aws-access-key-id', 'temporary ASIA key in JSON', `{"AccessKeyId": "AS` + `IA${pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}"}`);
    neg('aws-access-key-id', 'AWS documentation example', `key = "AK` + `IAIOSFODNN7EXAMPLE"`);
    neg('aws-access-key-id', 'inside a longer identifier', `x = "XAK` + `IA${pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 16)}"`);
    pos('aws-secret-access-key', 'credentials file', `[default]\naws_secret_access_key = ${synth.awsSecret(rng)}\n`);
    pos('aws-secret-access-key', 'YAML', `  AWS_SECRET_ACCESS_KEY: "${synth.awsSecret(rng)}"\n`);
    neg('aws-secret-access-key', 'low entropy', `aws_secret_access_key = ${'A'.repeat(20)}${'B'.repeat(20)}\n`);
    // GitHub
    pos('github-token', 'classic PAT', `const client = new Octokit({ auth: '${githubToken(rng)}' });`);
    pos('github-token', 'app installation token', `GITHUB=${githubToken(rng, true, 's')}`);
    neg('github-token', 'bad checksum', `const x = '${githubToken(rng, false)}';`);
    pos('github-fine-grained-pat', 'fine-grained PAT', `gh auth login --with-token <<< ${synth.githubFineGrained(rng)}`);
    neg('github-fine-grained-pat', 'truncated', `see ${'github'}_pat_${pick(rng, ALNUM, 10)} in the docs`);
    pos('gitlab-pat', 'CI variable', `GITLAB=${synth.gitlab(rng)}`);
    neg('gitlab-pat', 'too short', `prefix ${'glpat'}-abc123`);
    pos('slack-token', 'bot token', `slack_client = WebClient("${synth.slack(rng)}")`);
    neg('slack-token', 'hugs', 'xoxo-love from everyone');
    pos('slack-webhook-url', 'webhook', `curl -X POST ${synth.slackWebhook(rng)}`);
    pos('stripe-secret-key', 'live key', `Stripe.apiKey = "${synth.stripe(rng)}";`);
    pos('stripe-secret-key', 'test-mode key', `const stripe = new Stripe("sk_` + `test_${pick(rng, ALNUM, 24)}");`);
    neg('stripe-secret-key', 'publishable key', `Stripe("pk_` + `live_${pick(rng, ALNUM, 24)}")`);
    pos('google-api-key', 'maps key', `<script src="https://maps.googleapis.com/maps/api/js?key=${synth.google(rng)}"></script>`);
    neg('google-api-key', 'too short', `AI${'za'}Sy123`);
    pos('azure-account-key', 'storage connection string', `conn = ${synth.azureConnectionString(rng)}`);
    neg('azure-account-key', 'development storage', 'UseDevelopmentStorage=true;AccountName=devstoreaccount1');
    pos('npm-token', '.npmrc', `//registry.npmjs.org/:_authToken=${npmToken(rng)}`);
    neg('npm-token', 'bad checksum', `//registry.npmjs.org/:_auth=${npmToken(rng, false)}`);
    neg('npm-token', 'npm_config variable', 'echo $npm_config_registry $npm_package_version');
    pos('pypi-token', '.pypirc', `[pypi]\n  username = __token__\n  pass = ${synth.pypi(rng)}\n`);
    pos('private-key', 'RSA PEM', `${synth.privateKey(rng, 'RSA')}\n`);
    pos('private-key', 'OpenSSH key', `key: |\n${synth.privateKey(rng, 'OPENSSH')}\n`);
    pos('private-key', 'encrypted PEM (Proc-Type and DEK-Info headers)', synth
        .privateKey(rng, 'RSA')
        .replace(' KEY-----\n', ` KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${pick(rng, '0123456789ABCDEF', 32)}\n\n`));
    neg('private-key', 'public key', `-----BEGIN PUBLIC` + ` KEY-----\n${pick(rng, BASE64, 64)}\n-----END PUBLIC KEY-----\n`);
    neg('private-key', 'header only in docs', 'Paste the block that starts with -----BEGIN' + ' PRIVATE KEY----- here.');
    pos('jwt', 'bearer header', `Authorization: Bearer ${synth.jwt(rng)}`);
    neg('jwt', 'eyJ-prefixed base64 that is not JSON', `blob = "eyJ${pick(rng, ALNUM, 20)}.eyJ${pick(rng, ALNUM, 20)}.${pick(rng, ALNUM, 30)}"`);
    // Generic assignments.
    pos('generic-secret', 'api_key in Python', `api_key = "${synth.genericValue(rng)}"`);
    pos('generic-secret', 'password in YAML', `  password: ${synth.genericValue(rng)}\n`);
    pos('generic-secret', 'client secret in JSON', `{"client_secret": "${synth.genericValue(rng)}"}`);
    neg('generic-secret', '${DB_PASSWORD} placeholder', 'DB_PASSWORD="${DB_PASSWORD}"');
    neg('generic-secret', '<redacted> placeholder', 'password = "<redacted>"');
    neg('generic-secret', 'xxxx placeholder', 'api_key: "xxxxxxxxxxxxxxxxxxxx"');
    neg('generic-secret', 'changeme', 'password = "changeme123"');
    neg('generic-secret', 'UUID', `token = "${uuid(rng)}"`);
    neg('generic-secret', '40-hex commit hash', `secret_ref = "${pick(rng, HEX, 40)}"`);
    neg('generic-secret', 'low entropy', 'password = "aaaaaaaabbbbbbbb"');
    neg('generic-secret', 'identifier, not a value', 'token = this.tokenService.current');
    neg('generic-secret', 'comparison', 'if (token == "")');
    neg('generic-secret', 'base64 blob without a key', `const data = "${pick(rng, BASE64, 400)}";`);
    neg('generic-secret', 'environment lookup', 'password = os.environ["DB_PASSWORD"]');
    // Real-code shapes that name a credential rather than hold one (bench/dlp/noise.ts found each
    // class in published packages; the values here are made up from the shape).
    const cap = (n) => pick(rng, UPPER, 1) + pick(rng, LOWER, n - 1);
    const vendor = cap(int(rng, 3, 5));
    neg('generic-secret', 'HTTP header name in a constant', `export const SESSION_TOKEN_QUERY_PARAM = "X-${vendor}-S${int(rng, 2, 9)}session-Token";`);
    neg('generic-secret', 'header name in kebab case', `const X_${vendor.toUpperCase()}_METADATA_TOKEN_TTL = "x-${vendor.toLowerCase()}-ec${int(rng, 2, 9)}-metadata-token-ttl-seconds";`);
    neg('generic-secret', 'environment variable name', `export const ENV_CREDENTIALS_PATH = "${vendor.toUpperCase()}_SHARED_CREDENTIALS_FILE";`);
    neg('generic-secret', 'error code enum member', `    QueryStringType${vendor}TokenMismatch = "query_string_type_${vendor.toLowerCase()}_token_mismatch",`);
    neg('generic-secret', 'type annotation naming a token type', `    tokenInput: Create${vendor}${int(rng, 2, 9)}TokenRequestBody | undefined;`);
    neg('generic-secret', 'type annotation of another type', `    'secretRef': V${int(rng, 1, 9)}Local${cap(6)}Reference;`);
    neg('generic-secret', 'variable reference in an object literal', `      withCredentials: defaultTo${cap(6)}${int(rng, 2, 9)},`);
    neg('generic-secret', 'message in another script', `  "Unexpected_token_${int(rng, 1000, 9999)}": "${pick(rng, KANA, 16)}。",`);
    neg('generic-secret', 'strict comparison in minified code', `h=t.clauses?.find(v=>v.token===${pick(rng, LOWER, 1)}.${cap(7)}Keyword),b=this.node(t)`);
    neg('generic-secret', 'pagination cursor (base64 JSON without credential fields)', `  continuationToken: '${Buffer.from(JSON.stringify({ pk: `${cap(6)}_${pick(rng, UPPER, 8)}`, sk: pick(rng, ALNUM, 24) })).toString('base64url')}',`);
    pos('generic-secret', 'base64 JSON holding a private key', `credentials_b64: "${Buffer.from(JSON.stringify({ type: 'service_account', private_key: pick(rng, ALNUM, 40) })).toString('base64')}"`);
    pos('generic-secret', 'connection string password', `Server=db;Password=${synth.genericValue(rng).slice(0, 16)};Database=app`);
    pos('generic-secret-forms', 'Make ?=', `DEPLOY_TOKEN ?= ${synth.genericValue(rng)}\n`);
    pos('generic-secret-forms', 'XML element', `<apiToken>${synth.genericValue(rng)}</apiToken>`);
    neg('generic-secret-forms', 'Make ?= from another variable', 'DEPLOY_TOKEN ?= $(CI_JOB_TOKEN)');
    neg('generic-secret-forms', 'XML element holding a placeholder', '<apiToken>${API_TOKEN}</apiToken>');
    // PII: SSN
    pos('us-ssn-dotted', 'dotted', `ssn ${synth.ssn(rng).replace(/-/g, '.')}`);
    neg('us-ssn-dotted', 'dotted area 666', `ssn 666.${pick(rng, '123456789', 2)}.${pick(rng, '123456789', 4)}`);
    neg('us-ssn-dotted', 'version-like run', 'release 123.45.6789.1');
    neg('us-ssn-dotted', 'version range', `if (browser.satisfies({ chrome: '>${synth.ssn(rng).replace(/-/g, '.')}' }))`);
    pos('us-ssn', 'dashed', `employee ssn: ${synth.ssn(rng)}`);
    pos('us-ssn', 'dashed without context', `record 7 | ${synth.ssn(rng)} | active`);
    pos('us-ssn', 'bare digits with context', `"ssn": "${synth.ssn(rng).replace(/-/g, '')}"`);
    neg('us-ssn', 'area 000', `ssn: 000-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'area 666', `ssn: 666-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'area 9xx', `ssn: 9${pick(rng, DIGITS, 2)}-${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'group 00', `ssn: 4${pick(rng, '123456789', 2)}-00-${pick(rng, '123456789', 4)}`);
    neg('us-ssn', 'serial 0000', `ssn: 4${pick(rng, '123456789', 2)}-${pick(rng, '123456789', 2)}-0000`);
    neg('us-ssn', 'bare digits without context', `order id ${synth.ssn(rng).replace(/-/g, '')} shipped`);
    // PII: cards
    for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners']) {
        pos('payment-card', `${brand} grouped`, `card: ${groupCard(cardNumber(rng, brand))}`);
        pos('payment-card', `${brand} contiguous`, `"pan":"${cardNumber(rng, brand)}"`);
        neg('payment-card', `${brand} bad check digit`, `card: ${groupCard(cardNumber(rng, brand, false))}`);
    }
    pos('payment-card-other', 'Dankort', `card ${luhnFinish(rng, '5019', 16)}`);
    pos('payment-card-other', 'UATP', `card ${luhnFinish(rng, '1', 15)}`);
    neg('payment-card-other', 'Luhn-valid 15 digits of no brand', `id ${luhnFinish(rng, '7', 15)}`);
    pos('payment-card', 'mastercard 2-series', `pan=${cardNumber(rng, 'mastercard', true, '2720')}`);
    pos('payment-card', 'dashed', `card ${groupCard(cardNumber(rng, 'visa'), '-')}`);
    neg('payment-card', 'Luhn-valid but no brand', `id ${cardNumber(rng, 'visa', true, '9')}`);
    neg('payment-card', 'millisecond timestamp', 'createdAt: 1700000000123');
    // PII: email
    pos('email-address', 'in a comment', `// contact ${synth.email(rng)} for access`);
    for (const domain of [
        'example.com',
        'mail.example.org',
        'example.net',
        'ci.test',
        'host.example',
        'nowhere.invalid',
    ]) {
        neg('email-address', `reserved domain ${domain}`, `author: Jane <jane@${domain}>`);
    }
    neg('email-address', 'ssh remote', 'git clone git@github.com:octo/repo.git');
    neg('email-address', 'retina asset', 'background: url(icon@2x.png)');
    neg('email-address', 'package spec', 'npm i lodash@4.17.21 @types/node@24');
    neg('email-address', 'decorator', '@Component({ selector: "x" })');
    neg('email-address', 'placeholder mailbox', `  email: "username@${pick(rng, LOWER, 8)}.com",`);
    neg('email-address', 'placeholder domain', `use a role contact (e.g. ${pick(rng, LOWER, 6)}-team@company.com)`);
    neg('email-address', '"ex@mple" for example', `email: 'ex@mple.com',`);
    neg('email-address', 'packed data with a mixed-case top-level domain', `module.exports="}${pick(rng, UPPER, 4)}@${pick(rng, LOWER, 6)}.${cap(2)}!${pick(rng, LOWER, 2)}#$!!#<:%~"`);
    neg('email-address', 'maintainer entry with a parenthesised alias', `  **${cap(5)} ${cap(7)} (${pick(rng, KANA, 4)})** <<${synth.email(rng)}>> (he/him)`);
    neg('email-address', 'URL userinfo inside a regex literal', `const re = /https?:\\/\\/(.{1,256}):x-${pick(rng, LOWER, 5)}-basic@${pick(rng, LOWER, 6)}.com\\//g;`);
    neg('email-address', 'role address with a tag', `reported to the team at opensource+coc@${pick(rng, LOWER, 8)}.net.`);
    pos('email-address', 'capitalised address', `Reply-To: ${cap(5)}.${cap(6)}@${cap(7)}.com`);
    // PII: phone
    pos('phone-number', 'US formatted', `Call ${synth.phone(rng)} today`);
    pos('phone-number', 'international', `tel: +44 20 79${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 4)}`);
    pos('phone-number', 'bare with context', `phone=4${pick(rng, '23456789', 1)}${pick(rng, DIGITS, 1)}7${pick(rng, DIGITS, 2)}${pick(rng, DIGITS, 4)}`);
    neg('phone-number', 'bare without context', `id=4${pick(rng, '23456789', 1)}${pick(rng, DIGITS, 1)}7${pick(rng, DIGITS, 2)}${pick(rng, DIGITS, 4)}`);
    neg('phone-number', 'fictional 555-01xx', `Call (415) 555-01${pick(rng, DIGITS, 2)}`);
    neg('phone-number', 'version string', 'version 1.234.567.8');
    pos('phone-number-context', 'French dotted with a phone word', `Tel. +33.${int(rng, 1, 9)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}`);
    neg('phone-number-context', 'dotted digits without a phone word', `v +33.1.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)} build`);
    // PII: IBAN
    for (const country of ['DE', 'GB', 'FR', 'NL']) {
        pos('iban', `${country} compact`, `iban: ${iban(rng, country)}`);
        pos('iban', `${country} grouped`, `IBAN ${groupIban(iban(rng, country))}`);
        neg('iban', `${country} bad checksum`, `iban: ${iban(rng, country, false)}`);
    }
    neg('iban', 'unknown country', `iban: ZZ${pick(rng, DIGITS, 20)}`);
    // Several in one text: every one is reported.
    pos('mixed', 'secret and PII on one line', `ssn=${synth.ssn(rng)} key=${synth.awsAccessKeyId(rng)}`, [
        'us-ssn',
        'aws-access-key-id',
    ]);
    return cases;
}
/** A family dlp-scan claims, and the rules whose findings count for it. */
const RECALL_FAMILIES = {
    aws: ['aws-access-key-id', 'aws-secret-access-key'],
    stripe: ['stripe-secret-key'],
    github: ['github-token', 'github-fine-grained-pat'],
    slack: ['slack-token', 'slack-webhook-url'],
    'generic-assignment': ['generic-secret', 'generic-secret-forms'],
    phone: ['phone-number', 'phone-number-context'],
    iban: ['iban'],
    'payment-card': ['payment-card', 'payment-card-other'],
    ssn: ['us-ssn', 'us-ssn-dotted'],
};
function luhnFinish(rng, prefix, length) {
    const partial = prefix + pick(rng, DIGITS, length - prefix.length - 1);
    return partial + luhnCheckDigit(partial);
}
/**
 * The recall set: for each family dlp-scan claims, the shapes its published formats allow and
 * the ways people write them (assignment forms of the languages in use, current token prefixes
 * and versions, separators). Values are generated from the formats with a seeded PRNG; nothing is
 * copied from anyone's samples. A case counts as found when a scan reports any rule of its family.
 */
function recallCases(seed = 20261204) {
    const rng = seededRng(seed);
    const out = [];
    const add = (family, shape, text) => out.push({ family, shape, text });
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    // AWS: every access key id prefix AWS documents for keys (AKIA user, ASIA temporary, ABIA/ACCA).
    for (const prefix of ['AKIA', 'ASIA', 'ABIA', 'ACCA'])
        for (const form of ['env', 'json', 'ini']) {
            const id = prefix + pick(rng, UPPER_BASE32, 16);
            add('aws', `${prefix} key id (${form})`, form === 'env'
                ? `AWS_ACCESS_KEY_ID=${id}\n`
                : form === 'json'
                    ? `{"AccessKeyId": "${id}"}`
                    : `[default]\naws_access_key_id = ${id}\n`);
        }
    add('aws', 'secret access key (ini)', `aws_secret_access_key = ${synth.awsSecret(rng)}\n`);
    add('aws', 'secret access key (yaml)', `  AWS_SECRET_ACCESS_KEY: "${synth.awsSecret(rng)}"\n`);
    // Stripe: secret (sk_) and restricted (rk_) keys, live and test mode, the lengths Stripe issues.
    for (const kind of ['sk', 'rk'])
        for (const mode of ['live', 'test'])
            for (const length of [24, 99]) {
                const key = `${kind}_${mode}_` + pick(rng, ALNUM, length);
                add('stripe', `${kind}_${mode}_ (${length})`, `STRIPE_KEY=${key}\n`);
                add('stripe', `${kind}_${mode}_ in code (${length})`, `stripe.api_key = "${key}"`);
            }
    // GitHub: classic tokens of every kind, and fine-grained PATs (82 characters of [A-Za-z0-9_]).
    for (const kind of ['p', 'o', 'u', 's', 'r'])
        add('github', `gh${kind}_ token`, `token: ${githubToken(rng, true, kind)}\n`);
    for (let i = 0; i < 6; i++) {
        const body = pick(rng, ALNUM + '_', 82);
        add('github', `fine-grained PAT #${i}`, `GH_TOKEN=${'github'}_pat_${body}\n`);
    }
    add('github', 'fine-grained PAT (22_59 form)', `gh auth login --with-token <<< ${synth.githubFineGrained(rng)}`);
    // Slack: bot, user, app-level, refresh and rotated tokens; webhooks of every kind.
    const d = (n) => pick(rng, '123456789', 1) + pick(rng, DIGITS, n - 1);
    add('slack', 'xoxb bot token', `SLACK_BOT_TOKEN=xo${'xb'}-${d(12)}-${d(13)}-${pick(rng, ALNUM, 24)}`);
    add('slack', 'xoxp user token', `"xo${'xp'}-${d(12)}-${d(12)}-${d(13)}-${pick(rng, HEX, 32)}"`);
    add('slack', 'xoxa-2 workspace token', `token = "xo${'xa'}-2-${d(12)}-${d(12)}-${pick(rng, HEX, 64)}"`);
    add('slack', 'xoxr-1 refresh token', `refresh: xo${'xr'}-1-${d(12)}-${pick(rng, ALNUM, 40)}`);
    add('slack', 'xoxe.xoxp-1 rotating token', `SLACK=xo${'xe'}.xoxp-1-${pick(rng, ALNUM, 150)}`);
    add('slack', 'xoxe-1 refresh token', `SLACK_REFRESH=xo${'xe'}-1-${pick(rng, ALNUM, 140)}`);
    add('slack', 'xapp-1 app-level token', `SLACK_APP_TOKEN=xa${'pp'}-1-A${pick(rng, upper + DIGITS, 10)}-${d(13)}-${pick(rng, HEX, 64)}`);
    const team = () => 'T' + pick(rng, upper + DIGITS, 10);
    add('slack', 'webhook (services)', `url: https://hooks.slack.com/services/${team()}/B${pick(rng, upper + DIGITS, 10)}/${pick(rng, ALNUM, 24)}`);
    add('slack', 'webhook (workflows)', `"https://hooks.slack.com/workflows/${team()}/A${pick(rng, upper + DIGITS, 10)}/${d(18)}/${pick(rng, ALNUM, 24)}"`);
    add('slack', 'webhook (triggers)', `WEBHOOK=https://hooks.slack.com/triggers/${team()}/${d(13)}/${pick(rng, HEX, 32)}`);
    add('slack', 'webhook (services, legacy short)', `https://hooks.slack.com/services/${team().slice(0, 9)}/B${pick(rng, upper + DIGITS, 8)}/${pick(rng, ALNUM, 24)}`);
    // Generic assignments, as each language writes them.
    const v = () => synth.genericValue(rng);
    const forms = [
        ['.env', (x) => `API_TOKEN=${x}\n`],
        ['shell export', (x) => `export SERVICE_TOKEN="${x}"\n`],
        ['YAML', (x) => `  client_secret: ${x}\n`],
        ['TOML', (x) => `api_key = "${x}"\n`],
        ['Java properties', (x) => `db.password=${x}\n`],
        ['Java properties (colon)', (x) => `service.token: ${x}\n`],
        ['Python', (x) => `SECRET_KEY = '${x}'\n`],
        ['JavaScript object', (x) => `const cfg = { apiKey: "${x}" };\n`],
        ['Go short declaration', (x) => `authToken := "${x}"\n`],
        ['Go var with type', (x) => `var apiToken string = "${x}"\n`],
        ['Make ?=', (x) => `DEPLOY_TOKEN ?= ${x}\n`],
        ['Make :=', (x) => `DEPLOY_TOKEN := ${x}\n`],
        ['Make ::=', (x) => `DEPLOY_TOKEN ::= ${x}\n`],
        ['Make :::=', (x) => `DEPLOY_TOKEN :::= ${x}\n`],
        ['Make +=', (x) => `EXTRA_SECRET += ${x}\n`],
        ['PHP assignment', (x) => `$dbPassword = "${x}";\n`],
        ['PHP .=', (x) => `$apiSecret .= "${x}";\n`],
        ['PHP array', (x) => `'api_key' => '${x}',\n`],
        ['Java setProperty', (x) => `System.setProperty("SERVICE_TOKEN", "${x}");\n`],
        ['XML element', (x) => `<apiToken>${x}</apiToken>\n`],
        ['XML attribute', (x) => `<add key="ClientSecret" value="${x}" />\n`],
        ['JSON', (x) => `{"access_token": "${x}"}\n`],
        ['JSON string holding an env file', (x) => `{"env": "SERVICE_TOKEN=${x}\\nNEXT=1"}\n`],
        ['Ruby hash', (x) => `config.secret_token = '${x}'\n`],
        ['C#', (x) => `private const string ApiKey = "${x}";\n`],
        ['Kotlin', (x) => `val apiSecret = "${x}"\n`],
        ['Terraform', (x) => `  password = "${x}"\n`],
        ['Dockerfile ENV', (x) => `ENV API_TOKEN=${x}\n`],
        ['docker-compose list', (x) => `      - DB_PASSWORD=${x}\n`],
        ['CLI flag', (x) => `mysql --password=${x} -h db\n`],
        ['INI', (x) => `secret = ${x}\n`],
    ];
    for (const [shape, make] of forms)
        add('generic-assignment', shape, make(v()));
    // Phones: international formats with context; NANP with extensions, 001 and spaces.
    const nanp = () => `${int(rng, 2, 9)}${pick(rng, DIGITS, 2)}`;
    const exch = () => `${int(rng, 2, 9)}${int(rng, 0, 4)}${pick(rng, DIGITS, 1)}`;
    const phones = [
        [
            '+CC (0)AA BBB BB BB',
            `Phone: +${int(rng, 30, 49)} (0)${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 2)}`,
        ],
        [
            '+CCCCCC BBB BBB',
            `tel: +${int(rng, 2, 9)}${pick(rng, DIGITS, 5)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 3)}`,
        ],
        [
            '+CC AA BBBB BBBB',
            `mobile: +${int(rng, 30, 49)} ${pick(rng, DIGITS, 2)} ${pick(rng, DIGITS, 4)} ${pick(rng, DIGITS, 4)}`,
        ],
        [
            '+CC-AAA-BBB-BBBB',
            `phone +${int(rng, 30, 49)}-${pick(rng, DIGITS, 3)}-${pick(rng, DIGITS, 3)}-${pick(rng, DIGITS, 4)}`,
        ],
        [
            '+CC.AA.BB.BB.BB',
            `Tel. +33.${int(rng, 1, 9)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}.${pick(rng, DIGITS, 2)}`,
        ],
        ['compact E.164', `"phone": "+${int(rng, 30, 49)}${pick(rng, DIGITS, 10)}"`],
        [
            'NANP with x extension',
            `Phone: (${nanp()}) ${exch()}-${pick(rng, DIGITS, 4)} x${pick(rng, DIGITS, 3)}`,
        ],
        ['NANP with ext.', `call ${nanp()}-${exch()}-${pick(rng, DIGITS, 4)} ext. ${pick(rng, DIGITS, 4)}`],
        ['001- international prefix', `phone: 001-${nanp()}-${exch()}-${pick(rng, DIGITS, 4)}`],
        [
            '00 international prefix',
            `Tel: 00${int(rng, 30, 49)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 3)} ${pick(rng, DIGITS, 3)}`,
        ],
        ['NANP with spaces', `phone: ${nanp()} ${exch()} ${pick(rng, DIGITS, 4)}`],
        ['+1 NANP dotted', `cell: +1.${nanp()}.${exch()}.${pick(rng, DIGITS, 4)}`],
        ['NANP formatted', `Call ${synth.phone(rng)} today`],
        ['bare NANP with context', `phone=${nanp()}${exch()}${pick(rng, DIGITS, 4)}`],
    ];
    for (const [shape, text] of phones)
        add('phone', shape, text);
    // IBANs: compact, grouped by spaces or dashes, lowercase, followed by a one-letter word.
    for (const country of ['DE', 'GB', 'FR', 'NL', 'ES']) {
        const value = iban(rng, country);
        add('iban', `${country} compact`, `iban: ${value}`);
        add('iban', `${country} spaces`, `IBAN ${groupIban(value)}`);
        add('iban', `${country} dashes`, `account ${groupIban(value).replace(/ /g, '-')}`);
        add('iban', `${country} lowercase`, `iban=${value.toLowerCase()}`);
        add('iban', `${country} then a one-letter word`, `Pay to ${groupIban(iban(rng, country))} A Smith`);
    }
    // Cards: the claimed brands plus Maestro (12-19), JCB 15 (1800/2131), UATP, Dankort.
    for (const brand of ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners']) {
        const n = cardNumber(rng, brand);
        add('payment-card', `${brand} spaces`, `card: ${groupCard(n)}`);
        add('payment-card', `${brand} dashes`, `card ${groupCard(n, '-')}`);
        add('payment-card', `${brand} contiguous`, `"pan":"${n}"`);
    }
    const extra = [
        ['Maestro 12', '501800', 12],
        ['Maestro 13', '6759', 13],
        ['Maestro 19', '6304', 19],
        ['JCB 15 (1800)', '1800', 15],
        ['JCB 15 (2131)', '2131', 15],
        ['UATP 15', '1', 15],
        ['Dankort 16', '5019', 16],
    ];
    for (const [shape, prefix, length] of extra) {
        const n = luhnFinish(rng, prefix, length);
        add('payment-card', `${shape} contiguous`, `card number: ${n}`);
        add('payment-card', `${shape} grouped`, `card: ${n.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    }
    // SSNs: dashes, spaces with context, bare with context, dots.
    for (let i = 0; i < 3; i++) {
        const ssn = synth.ssn(rng);
        add('ssn', 'dashed', `employee ssn: ${ssn}`);
        add('ssn', 'spaces with context', `SSN ${ssn.replace(/-/g, ' ')}`);
        add('ssn', 'bare with context', `"ssn": "${ssn.replace(/-/g, '')}"`);
        add('ssn', 'dots', `social security no. ${ssn.replace(/-/g, '.')}`);
        add('ssn', 'dots without context', `record 7 | ${ssn.replace(/-/g, '.')} | active`);
    }
    return out;
}

// EXTERNAL MODULE: ./lib/dlp/threads.ts
var threads = __webpack_require__(6932);
;// CONCATENATED MODULE: ./lib/dlp/index.ts






// EXTERNAL MODULE: ./lib/config.ts
var lib_config = __webpack_require__(9426);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/config.ts
/**
 * The user's files: a rule-pack override (YAML or JSON, lib/dlp's format) and a baseline of
 * accepted fingerprints. Every problem becomes a ConfigError naming file:line, which the runtime
 * turns into an annotation on that line.
 */



/** Looked for at the workspace root when the `rules` / `baseline` inputs are empty. */
const DEFAULT_RULES_FILE = '.summit-ops-dlp.yml';
const DEFAULT_BASELINE_FILE = '.summit-ops-dlp-baseline.json';
async function readText(file, shownAs, input) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new lib_config/* ConfigError */.xL(shownAs, { line: 1, column: 1 }, code === 'ENOENT'
            ? `file not found; check the ${input} input`
            : `cannot read file (${code ?? String(error)})`);
    }
}
/**
 * Compiles the built-in pack with the override applied. lib/dlp names the rule and the field but,
 * for errors found after merging (a bad regex in an overriding rule), not the line: the merged
 * pack has no positions. The line is looked up here in the override file from the rule id and field.
 */
async function loadRules(file, shownAs = file) {
    if (!file)
        return (0,pack/* defaultRulePack */.T1)();
    return rulesFromText(await readText(file, shownAs, 'rules'), shownAs);
}
/** Compiles an override given as text (read from a file, or from a commit with `git show`). */
function rulesFromText(text, shownAs) {
    try {
        return (0,pack/* loadRulePackOverride */.Ee)(text, shownAs);
    }
    catch (error) {
        if (!(error instanceof pack/* DlpRulePackError */.yL))
            throw error;
        const where = `${error.source}${error.line !== undefined ? `:${error.line}` : ''}: `;
        const problem = error.message.startsWith(where) ? error.message.slice(where.length) : error.message;
        const line = error.line ?? lineOfRuleField(text, shownAs, error.ruleId, error.field);
        throw new lib_config/* ConfigError */.xL(shownAs, { line: line ?? 1, column: 1 }, `invalid rule pack: ${problem}`);
    }
}
function lineOfRuleField(text, file, ruleId, field) {
    if (!ruleId)
        return undefined;
    let config;
    try {
        config = (0,lib_config/* parseConfig */.o4)(file, text);
    }
    catch {
        return undefined;
    }
    const index = config.value?.rules?.findIndex((r) => r && r.id === ruleId) ?? -1;
    if (index < 0)
        return undefined;
    const segments = (field ?? '')
        .split('.')
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    return config.locate(['rules', index, ...segments]).line;
}
const FINGERPRINT = /^[0-9a-f]{64}$/;
/**
 * Reads a baseline. Accepted shapes, so that a report can be accepted as it is:
 * - an array of fingerprints, or of objects with `fingerprint` (or gitleaks' `Fingerprint`) and an
 *   optional `reason` — dlp-scan's own report-path file is such an array;
 * - `{ "findings": [ …the same… ] }`.
 * JSON is parsed with the YAML 1.2 parser, so positions are exact and YAML works too.
 */
async function loadBaseline(file, shownAs = file) {
    if (!file)
        return undefined;
    return baselineFromText(await readText(file, shownAs, 'baseline'), shownAs);
}
/** Parses a baseline given as text (read from a file, or from a commit with `git show`). */
function baselineFromText(text, name) {
    const config = (0,lib_config/* parseConfig */.o4)(name, text);
    const value = config.value;
    const fail = (path, problem) => {
        throw new lib_config/* ConfigError */.xL(name, config.locate(path), problem);
    };
    let entries;
    let prefix = [];
    if (Array.isArray(value))
        entries = value;
    else if (value && typeof value === 'object' && Array.isArray(value.findings)) {
        entries = value.findings;
        prefix = ['findings'];
    }
    else {
        return fail([], 'a baseline is a JSON array of fingerprints (or of findings with a fingerprint), or { "findings": [...] }');
    }
    const fingerprints = new Set();
    let withoutReason = 0;
    entries.forEach((entry, index) => {
        const at = [...prefix, index];
        let fp = entry;
        let reason;
        if (entry && typeof entry === 'object') {
            const record = entry;
            fp = record['fingerprint'] ?? record['Fingerprint'];
            reason = record['reason'];
            if (fp === undefined)
                fail(at, "entry has no 'fingerprint' (or 'Fingerprint') field");
            at.push(record['fingerprint'] !== undefined ? 'fingerprint' : 'Fingerprint');
        }
        if (typeof fp !== 'string' || !FINGERPRINT.test(fp)) {
            fail(at, 'not a fingerprint: expected 64 lowercase hex characters as dlp-scan reports them (the Fingerprint field of its report)');
        }
        if (typeof reason !== 'string' || reason.trim() === '')
            withoutReason++;
        fingerprints.add(fp);
    });
    return { fingerprints, withoutReason };
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./actions/dlp-scan/src/diff.ts
/**
 * Pure parsers for what the git adapter returns: `git diff --unified=3` and `git log -p` output,
 * as bytes. They keep the ADDED lines, each with its line number in the new file, because a
 * secret that a change removes or merely moves (a rename) is not something the change introduced,
 * and the context lines around them, marked as such: a value that spans lines (a PEM key whose
 * body a change replaces between unchanged BEGIN and END lines) is only whole with its context.
 * The scanner reports what touches an added line.
 * Content stays as bytes until the scanner decodes it per file, so invalid UTF-8 is counted per
 * file and a stray byte cannot shift the line numbers of another file.
 */
const NL = 0x0a;
/** Splits a buffer at `\n` (a trailing newline does not make an empty last line). */
function splitLines(buffer) {
    const lines = [];
    let start = 0;
    for (let i = buffer.indexOf(NL); i !== -1; i = buffer.indexOf(NL, start)) {
        lines.push(buffer.subarray(start, i));
        start = i + 1;
    }
    if (start < buffer.length)
        lines.push(buffer.subarray(start));
    return lines;
}
/**
 * Git's C-style quoting of unusual paths (`"a\"b\tc\303\251"`): backslash escapes and octal bytes,
 * which together spell UTF-8. A path that is not quoted is returned as it is.
 */
function unquoteGitPath(text) {
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2)
        return text;
    const bytes = [];
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    const inner = text.slice(1, -1);
    for (let i = 0; i < inner.length; i++) {
        const c = inner[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = inner[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(inner.slice(i + 1))[0];
            bytes.push(parseInt(octal, 8));
            i += octal.length;
        }
        else if (next in simple) {
            bytes.push(simple[next]);
            i++;
        }
        else {
            bytes.push(92);
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** `+++ b/x`, `rename to x`: strips the `b/` prefix, quotes, and the tab git appends to names with spaces. */
function pathAfter(text, prefix) {
    const unquoted = unquoteGitPath(text.replace(/\t$/, ''));
    return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}
/** The new-side path from `diff --git a/x b/y` (used when no `+++` line follows: binary files, mode changes). */
function pathFromHeader(header) {
    const rest = header.slice('diff --git '.length);
    if (rest.endsWith('"')) {
        const open = rest.lastIndexOf(' "');
        if (open !== -1)
            return pathAfter(rest.slice(open + 1), 'b/');
    }
    const at = rest.lastIndexOf(' b/');
    return at === -1 ? rest : rest.slice(at + 3);
}
const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Parses `git diff --unified=N --src-prefix=a/ --dst-prefix=b/` output (one commit's patch in
 * history mode). Hunk lengths from the `@@` header decide which lines are content, so an added line
 * that reads `++ x` or `diff --git` is not mistaken for a header.
 */
function parseUnifiedDiff(output) {
    const files = [];
    let current;
    let oldLeft = 0;
    let newLeft = 0;
    let newLine = 0;
    for (const raw of splitLines(output)) {
        if (current && (oldLeft > 0 || newLeft > 0)) {
            const mark = raw[0];
            if (mark === 0x2b /* + */) {
                current.lines.push(newLine++);
                current.content.push(raw.subarray(1));
                newLeft--;
                continue;
            }
            if (mark === 0x2d /* - */) {
                oldLeft--;
                continue;
            }
            if (mark === 0x20 /* context */) {
                (current.context ??= new Set()).add(newLine);
                current.lines.push(newLine++);
                current.content.push(raw.subarray(1));
                oldLeft--;
                newLeft--;
                continue;
            }
            if (mark === 0x5c /* \ No newline at end of file */)
                continue;
            // Anything else ends the hunk early (a truncated patch); read it as a header.
            oldLeft = newLeft = 0;
        }
        if (raw[0] === 0x5c)
            continue;
        const line = raw.toString('utf8');
        if (line.startsWith('diff --git ')) {
            current = { path: pathFromHeader(line), lines: [], content: [], binary: false };
            files.push(current);
            continue;
        }
        if (!current)
            continue;
        if (line.startsWith('+++ ')) {
            const target = line.slice(4);
            if (target !== '/dev/null')
                current.path = pathAfter(target, 'b/');
        }
        else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
            current.path = pathAfter(line.slice(line.indexOf(' to ') + 4), '');
        }
        else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
            current.binary = true;
        }
        else {
            const hunk = HUNK.exec(line);
            if (hunk) {
                oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
                newLine = Number(hunk[2]);
                newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
            }
        }
    }
    for (const file of files)
        if (!file.binary)
            file.binary = file.content.some((line) => line.includes(0));
    // Deletions and pure renames add nothing (context alone is not a change); keep binary files so
    // they are counted.
    return files.filter((f) => f.binary || addedCount(f) > 0);
}
/** How many of the file's lines the change adds. */
function addedCount(file) {
    return file.lines.length - (file.context?.size ?? 0);
}
function logDelimiters(nonce) {
    if (!/^[0-9a-f]{16,}$/.test(nonce))
        throw new Error('the log nonce must be 16 or more lowercase hex digits');
    return { marker: `\x1eSUMMIT-DLP-${nonce}\x1e`, separator: `\x1f${nonce}\x1f` };
}
/** The header fields of each record, in order (%e: the commit's `encoding` header, when it has one). */
const LOG_FIELDS = ['%H', '%an', '%ae', '%aI', '%e', '%B'];
/** `git log --format` that heads each commit's patch with the marker and the gitleaks fields. */
function logFormat({ marker, separator }) {
    const escape = (text) => text.replace(/\x1e/g, '%x1e').replace(/\x1f/g, '%x1f');
    return escape(marker) + LOG_FIELDS.map((field) => field + escape(separator)).join('');
}
/**
 * Parses `git log -p --format=logFormat(delimiters)` output into commits with their added lines.
 * A record without all its fields cannot come from that format: it throws rather than drop the
 * commit's patch.
 */
function parseLog(output, delimiters) {
    const marker = Buffer.from(delimiters.marker, 'latin1');
    const separator = Buffer.from(delimiters.separator, 'latin1');
    const commits = [];
    let at = output.indexOf(marker);
    if (at > 0 || (at === -1 && output.length > 0))
        throw new Error('git log printed text before its first commit record');
    while (at !== -1) {
        const next = output.indexOf(marker, at + marker.length);
        const record = output.subarray(at + marker.length, next === -1 ? output.length : next);
        at = next;
        const fields = [];
        let start = 0;
        for (let n = 0; n < LOG_FIELDS.length; n++) {
            const end = record.indexOf(separator, start);
            if (end === -1)
                throw new Error(`a git log record has ${n} of its ${LOG_FIELDS.length} fields`);
            fields.push(record.subarray(start, end).toString('utf8'));
            start = end + separator.length;
        }
        const [sha, author, email, date, encoding, message] = fields;
        commits.push({
            commit: { sha, author, email, date: utcDate(date), message: message.trim() },
            encoding,
            files: parseUnifiedDiff(record.subarray(start)),
        });
    }
    return commits;
}
/** git's `%aI` (author's offset) as gitleaks writes Date: RFC 3339 in UTC, whole seconds. */
function utcDate(iso) {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/bytes.ts
/**
 * How a file's bytes become the text the rules read, the same way in every mode (tree, diff,
 * history, standard input). UTF-8 is the rule; a file with a NUL byte in its first 8 KiB (git's
 * own test) is binary, and a binary file is either UTF-16/UTF-32 text (a byte-order mark, or NULs
 * on one side of every code unit: what PowerShell 5's `>` and many Windows tools write), decoded
 * as such, or read over its printable runs. Decoding never hides a file: a key written by
 * `iconv -t UTF-16` is read as the key, not as `A K I A …` with spaces between the letters.
 */
/** How much of a file decides "binary" (git reads the same 8000-odd bytes). */
const BINARY_SNIFF_BYTES = 8192;
function looksBinary(head) {
    const end = Math.min(head.length, BINARY_SNIFF_BYTES);
    for (let i = 0; i < end; i++)
        if (head[i] === 0)
            return true;
    return false;
}
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
function decodeUtf8(bytes) {
    try {
        return { text: strict.decode(bytes), invalid: false };
    }
    catch {
        return { text: lenient.decode(bytes), invalid: true };
    }
}
/**
 * A binary file's bytes with control bytes (but tab and newline) as spaces, so offsets and lines
 * stay where they were: a key stored beside NUL bytes (a SQLite file, a build artefact) is still
 * a key, and `strings` would show it.
 */
function printable(bytes) {
    const out = Buffer.from(bytes);
    for (let i = 0; i < out.length; i++) {
        const b = out[i];
        if ((b < 0x20 && b !== 0x09 && b !== 0x0a) || b === 0x7f)
            out[i] = 0x20;
    }
    return out;
}
/**
 * The wide encoding of binary-looking bytes: from a byte-order mark, else from where the NULs sit
 * in the first 8 KiB. Text in UTF-16 has a NUL in one half of most code units and almost never in
 * the other; UTF-32 has NULs in three of every four bytes. Undefined: not wide text.
 */
function wideEncoding(bytes) {
    const b = bytes;
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
        return 'utf-32le';
    if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
        return 'utf-32be';
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
        return 'utf-16le';
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
        return 'utf-16be';
    const end = Math.min(b.length, BINARY_SNIFF_BYTES) & ~3;
    if (end < 4)
        return undefined;
    const zeros = [0, 0, 0, 0];
    for (let i = 0; i < end; i++)
        if (b[i] === 0)
            zeros[i & 3]++;
    const quads = end / 4;
    const many = (n) => n >= quads * 0.5;
    const few = (n) => n <= quads * 0.05;
    const [z0, z1, z2, z3] = zeros;
    if (few(z0) && many(z1) && many(z2) && many(z3))
        return 'utf-32le';
    if (many(z0) && many(z1) && many(z2) && few(z3))
        return 'utf-32be';
    if (few(z0) && few(z2) && many(z1) && many(z3))
        return 'utf-16le';
    if (many(z0) && many(z2) && few(z1) && few(z3))
        return 'utf-16be';
    return undefined;
}
function decodeWide(bytes, encoding) {
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
        const even = bytes.length & ~1;
        const units = Buffer.from(bytes.subarray(0, even));
        if (encoding === 'utf-16be')
            units.swap16();
        return utf16le.decode(units);
    }
    const parts = [];
    const codes = [];
    for (let i = 0; i + 3 < bytes.length; i += 4) {
        const cp = encoding === 'utf-32le'
            ? (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0
            : ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
        codes.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
        if (codes.length === 8192)
            parts.push(String.fromCodePoint(...codes.splice(0)));
    }
    parts.push(String.fromCodePoint(...codes));
    // A byte-order mark is not text.
    return parts.join('').replace(/^\ufeff/, '');
}
/**
 * The text of a file's bytes. `binary`: the caller already knows the bytes hold a NUL (diff mode
 * looks at the added lines); otherwise the first 8 KiB decide.
 */
function decodeForScan(bytes, binary = looksBinary(bytes)) {
    if (!binary) {
        const { text, invalid } = decodeUtf8(bytes);
        return { text, encoding: 'utf-8', invalidUtf8: invalid };
    }
    const wide = wideEncoding(bytes);
    if (wide)
        return { text: decodeWide(bytes, wide), encoding: wide, invalidUtf8: false };
    return { text: decodeUtf8(printable(bytes)).text, encoding: 'binary', invalidUtf8: false };
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/git.ts
/**
 * The git adapter: `git` run through @actions/exec (an argument array, no shell), output
 * kept as bytes. Revisions from inputs are resolved to commit ids before any diff or log runs, so
 * a user value never reaches git as an option and a missing commit is named in plain words.
 */




/** A git failure with the words to show a user; never a stack trace. */
class GitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GitError';
    }
}
// Settings that change git's output format are pinned here, whatever the user's git config says.
const PINNED = [
    '-c',
    'core.quotePath=false',
    '-c',
    'color.ui=never',
    '-c',
    'diff.noprefix=false',
    '-c',
    'diff.mnemonicPrefix=false',
    '-c',
    'log.showSignature=false',
];
// `--text`: the repository's .gitattributes (`* binary`, `f -diff`) must not decide what is shown —
// a pull request could add one to hide the key it adds. Binary-ness is decided from the bytes
// (diff.ts), and even then the printable runs are scanned.
const PATCH_OPTIONS = [
    '--text',
    '--no-color',
    // Context: a value spanning lines needs the unchanged ones around what changed (diff.ts).
    '--unified=3',
    '--find-renames',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
];
/** Runs git in `cwd`; resolves with the exit code (never throws for a non-zero exit). */
async function runGit(args, cwd) {
    const out = [];
    const err = [];
    let code;
    try {
        code = await exec/* exec */.m('git', [...PINNED, ...args], {
            cwd,
            silent: true,
            ignoreReturnCode: true,
            // Bytes, not lines: a diff may hold any bytes, and only the caller knows how to decode them.
            listeners: { stdout: (chunk) => out.push(chunk), stderr: (chunk) => err.push(chunk) },
            // No pager, no prompt for credentials, no locale-dependent messages to parse.
            env: {
                ...process.env,
                GIT_PAGER: 'cat',
                GIT_TERMINAL_PROMPT: '0',
                LC_ALL: 'C',
            },
        });
    }
    catch (error) {
        // @actions/exec looks the tool up on PATH first and says "Unable to locate executable file".
        throw new GitError(/Unable to locate executable file|ENOENT/.test(error.message)
            ? 'git is not installed or not on PATH; diff and history modes need it (tree mode does not)'
            : `cannot run git: ${error.message}`);
    }
    return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}
async function gitOk(args, cwd, what) {
    const result = await runGit(args, cwd);
    if (result.code !== 0)
        throw new GitError(`${what} failed: ${firstLines(result.stderr) || `git exited with ${result.code}`}`);
    return result.stdout;
}
function firstLines(text) {
    return text.trim().split('\n').slice(0, 3).join(' ').trim();
}
/** The repository's top directory, or a clear error when `dir` is not in a git work tree. */
async function repoRoot(dir) {
    const result = await runGit(['rev-parse', '--show-toplevel'], dir);
    if (result.code !== 0) {
        throw new GitError(`'${dir}' is not inside a git repository (${firstLines(result.stderr)}); diff and history modes need a git checkout, or use mode: tree`);
    }
    return result.stdout.toString('utf8').trim();
}
/** A commit id for `rev`, or undefined when it names no commit here. */
async function resolveCommit(dir, rev) {
    // A revision that starts with '-' would be read as an option; no real revision does.
    if (rev === '' || rev.startsWith('-'))
        return undefined;
    const result = await runGit(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
async function isShallow(dir) {
    const result = await runGit(['rev-parse', '--is-shallow-repository'], dir);
    return result.stdout.toString('utf8').trim() === 'true';
}
/** Resolves both ends of a range; the error names the range, the missing end and what to do. */
async function resolveRange(dir, base, head) {
    const range = base ? `${base}..${head}` : head;
    const missing = [];
    const baseId = base ? await resolveCommit(dir, base) : undefined;
    if (base && !baseId)
        missing.push(`base '${base}'`);
    const headId = await resolveCommit(dir, head);
    if (!headId)
        missing.push(`head '${head}'`);
    if (missing.length > 0) {
        const hint = (await isShallow(dir))
            ? 'this is a shallow clone: check out with fetch-depth: 0 (actions/checkout) so both commits are present'
            : 'check the base and head inputs, and that the commits were fetched';
        throw new GitError(`git range '${range}' does not exist: ${missing.join(' and ')} ${missing.length > 1 ? 'are not commits' : 'is not a commit'} in this repository; ${hint}`);
    }
    return { base: baseId, head: headId };
}
/**
 * Lines added from `base` to `head`, diffed from their merge base as a pull request shows them:
 * a line the base branch changed after the fork is not the pull request's doing.
 */
async function addedLines(dir, base, head, pathspec = '.') {
    const { base: baseId, head: headId } = await resolveRange(dir, base, head);
    const from = await mergeBaseOf(dir, baseId, headId);
    const out = await gitOk(['diff', ...PATCH_OPTIONS, from, headId, '--', pathspec], dir, `git diff ${base}..${head}`);
    return parseUnifiedDiff(out);
}
/** Every commit of the range with its added lines and the gitleaks commit fields. */
async function git_history(dir, base, head, pathspec = '.') {
    const { base: baseId, head: headId } = await resolveRange(dir, base, head);
    const range = baseId ? `${baseId}..${headId}` : headId;
    // `git log -p` shows no patch for a merge, so a key typed into a conflict resolution (or an
    // "evil" merge) would never be seen. remerge-diff (git 2.36+) shows exactly what the merge
    // commit itself introduced against git's own re-merge of its parents; the parents' changes are
    // scanned in their own commits. (`-m`/`--first-parent` would either rescan every merged change
    // per parent or credit the whole branch to the merge and skip the branch's own commits.)
    const delimiters = logDelimiters((0,external_node_crypto_.randomBytes)(16).toString('hex'));
    const result = await runGit([
        'log',
        '-p',
        '--diff-merges=remerge',
        ...PATCH_OPTIONS,
        `--format=${logFormat(delimiters)}`,
        range,
        '--',
        pathspec,
    ], dir);
    if (result.code !== 0) {
        const stderr = firstLines(result.stderr);
        if (/diff-merges|remerge/.test(stderr))
            throw new GitError(`git log --diff-merges=remerge failed (${stderr}); history mode needs git 2.36 or later to see what merge commits add: update git on the runner`);
        throw new GitError(`git log ${base ? `${base}..` : ''}${head} failed: ${stderr || `git exited with ${result.code}`}`);
    }
    let commits;
    try {
        commits = parseLog(result.stdout, delimiters);
    }
    catch (error) {
        throw new GitError(`git log ${range} could not be read: ${error.message}`);
    }
    for (const { commit, encoding } of commits) {
        // git log re-encodes a message from its `encoding` header (IBM037, UTF-16…); the bytes the
        // commit holds, which `git cat-file -p` and every clone show, are scanned too.
        if (encoding === '' || /^utf-?8$/i.test(encoding))
            continue;
        const raw = await gitOk(['cat-file', 'commit', commit.sha], dir, `git cat-file commit ${commit.sha}`);
        const body = raw.indexOf('\n\n');
        if (body !== -1)
            commit.message += `\n${decodeUtf8(raw.subarray(body + 2)).text.trim()}`;
    }
    return commits.map(({ commit, files }) => ({ commit, files }));
}
/**
 * A file's bytes at a commit (`git show <commit>:<path>`, execFile, no shell), or undefined when
 * the commit has no such file. `path` is repository-relative with forward slashes.
 */
async function showFile(dir, commit, path) {
    const result = await runGit(['cat-file', 'blob', `${commit}:${path}`], dir);
    return result.code === 0 ? result.stdout : undefined;
}
/**
 * The tree entry of `path` at `commit`, or undefined when the commit has none. Unlike
 * `commit:path`, it tells a symlink (mode 120000, whose blob is the link target) from a file.
 */
async function entryAt(dir, commit, path) {
    const result = await runGit(['ls-tree', '-z', '--full-tree', commit, '--', path], dir);
    if (result.code !== 0)
        return undefined;
    const line = result.stdout.toString('utf8').split('\0')[0] ?? '';
    const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (!m || m[4] !== path)
        return undefined;
    return { mode: m[1], type: m[2], id: m[3] };
}
const SYMLINK_MODE = '120000';
/** The blob id of `path` at `commit`, or undefined when the commit has no such file. */
async function blobId(dir, commit, path) {
    const result = await runGit(['rev-parse', '--verify', '--quiet', `${commit}:${path}`], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
/** The merge base of two commits, or `base` itself when they share no history. */
async function mergeBaseOf(dir, base, head) {
    const result = await runGit(['merge-base', base, head], dir);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : base;
}

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

;// CONCATENATED MODULE: ./actions/dlp-scan/src/report.ts



function emptyStats(mode, target) {
    return {
        mode,
        target,
        filesScanned: 0,
        bytesScanned: 0,
        invalidUtf8: [],
        skipped: [],
        excludedDirs: 0,
        suppressed: { path: 0, allowlist: 0, inline: 0, baseline: 0 },
    };
}
/** Skips a user must hear about (something was not scanned that could hold a secret). */
const REPORTED_SKIPS = new Set([
    'oversized',
    'symlink-outside',
    'unreadable',
    'rule-budget',
]);
/** GitHub shows only a handful of annotations per step; the summary lists the rest. */
const MAX_SKIP_ANNOTATIONS = 20;
const STDIN = '<stdin>';
/** Findings not in a file of the tree (stdin, a commit's message or author): no file on the annotation. */
const NOT_A_FILE = new Set([STDIN, '<commit-message>', '<commit-author>']);
/** Annotations per file and per run: a minified file with 16,000 JWTs must not bury the log. */
const ANNOTATIONS_PER_FILE = 20;
const ANNOTATIONS_PER_RUN = 300;
/**
 * The findings that become annotations, in order: at most ANNOTATIONS_PER_FILE per file and
 * ANNOTATIONS_PER_RUN in all, errors before warnings before notices. Every finding stays in the
 * report and SARIF; `omitted` says how many have no annotation. Linear in the findings.
 */
function annotatedFindings(findings, perFile = ANNOTATIONS_PER_FILE, perRun = ANNOTATIONS_PER_RUN) {
    const rank = { error: 0, warning: 1, notice: 2 };
    const buckets = [[], [], []];
    for (const f of findings)
        buckets[rank[f.severity] ?? 2].push(f);
    const perPath = new Map();
    const shown = [];
    for (const bucket of buckets) {
        for (const f of bucket) {
            if (shown.length >= perRun)
                break;
            const n = perPath.get(f.path) ?? 0;
            if (n >= perFile)
                continue;
            perPath.set(f.path, n + 1);
            shown.push(f);
        }
    }
    return { shown, omitted: findings.length - shown.length };
}
/** Why a `dlp:allow` on an added line does not count, and what to do instead. */
const INLINE_ALLOW_ADDED = 'The dlp:allow comment on this line is added by this same change, so it is not honoured (a change cannot switch off its own scan): a reviewer decides. To accept the value, land its fingerprint in the baseline in an earlier pull request';
/**
 * What to do about a finding, briefly. The fingerprint a baseline needs is in the report
 * and the SARIF log, not here: 64 hex digits in every annotation only bury the message.
 */
function fixHint(f) {
    if (f.inlineAllowAdded)
        return `${INLINE_ALLOW_ADDED}.`;
    const accept = `Add \`dlp:allow ${f.ruleId}\` to the line, or its fingerprint (in the report) to the baseline.`;
    return f.tags.includes('secret')
        ? `Fix: remove it and rotate the credential. Not a real one? ${accept}`
        : `Fix: remove or mask the data. Test data? ${accept}`;
}
/**
 * One short annotation per finding: what was found (the masked match, where the preview appears
 * once) and the fix. A finding about the scan's own configuration carries a whole sentence as its
 * description, fix included.
 */
function findingAnnotation(f) {
    const where = NOT_A_FILE.has(f.path) ? `${f.path}:${f.line}:${f.column}: ` : '';
    const commit = f.commit ? ` (commit ${f.commit.sha.slice(0, 12)})` : '';
    // maskMatch truncates a long match, which can cut the preview off: then show the preview alone.
    const found = f.matchPreview.includes(f.preview) ? f.matchPreview : f.preview;
    const annotation = {
        level: f.severity,
        title: `dlp-scan: ${f.ruleId}`,
        message: isConfigFinding(f)
            ? `${where}${f.description}`
            : `${where}${f.description}${commit}: ${found}. ${fixHint(f)}`,
    };
    if (!NOT_A_FILE.has(f.path)) {
        annotation.file = f.path;
        annotation.line = f.line;
        annotation.endLine = f.endLine;
        annotation.column = f.column;
        annotation.endColumn = f.endColumn;
    }
    return annotation;
}
function mib(bytes) {
    return bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
        : bytes >= 1024
            ? `${(bytes / 1024).toFixed(1)} KiB`
            : `${bytes} B`;
}
/** Exact bytes: a rounded unit would print "1.0 MiB is over 1.0 MiB". */
function bytesText(bytes) {
    return `${bytes.toLocaleString('en-US')} bytes`;
}
function skipMessage(s, maxFileSize) {
    switch (s.reason) {
        case 'oversized':
            return `Not scanned: ${bytesText(s.size ?? 0)}${s.detail ? ` ${s.detail}` : ''} is over max-file-size (${bytesText(maxFileSize)}); raise max-file-size to scan it`;
        case 'symlink-outside':
            return 'Not scanned: a symlink that points outside the workspace is not followed';
        case 'unreadable':
            return `Not scanned: cannot read (${s.detail ?? 'error'})`;
        case 'rule-budget':
            return `Not fully scanned: ${s.detail ?? 'a rule ran past its time budget'}`;
        default:
            return `Not scanned: ${s.reason}`;
    }
}
function skipAnnotations(skipped, maxFileSize) {
    const reported = skipped.filter((s) => REPORTED_SKIPS.has(s.reason));
    const out = reported.slice(0, MAX_SKIP_ANNOTATIONS).map((s) => ({
        level: 'warning',
        title: `dlp-scan: skipped (${s.reason})`,
        message: skipMessage(s, maxFileSize),
        ...(s.path === STDIN ? {} : { file: s.path }),
    }));
    if (reported.length > MAX_SKIP_ANNOTATIONS)
        out.push({
            level: 'warning',
            title: 'dlp-scan: skipped files',
            message: `${reported.length - MAX_SKIP_ANNOTATIONS} more files were not scanned; see the job summary`,
        });
    return out;
}
function countSkips(skipped) {
    const counts = {};
    for (const s of skipped)
        counts[s.reason] = (counts[s.reason] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
function violations(findings, failOn) {
    return findings.filter((f) => atLeast(f.severity, failOn)).length;
}
const SUMMARY_ROWS = 100;
function summaryMarkdown(findings, stats, failOn, maxFileSize) {
    const log = redactionLog(findings);
    const s = (0,summary/* summary */.z)().heading('DLP scan');
    const commits = stats.commitsScanned !== undefined ? `, ${stats.commitsScanned} commits` : '';
    s.paragraph(`Mode ${stats.mode} over ${stats.target}: ${findings.length} finding(s) (${log.bySeverity.error} errors, ${log.bySeverity.warning} warnings, ${log.bySeverity.notice} notices) in ${stats.filesScanned} file(s), ${mib(stats.bytesScanned)}${commits}; fails on ${failOn} and above. Values are never shown: each finding has a masked preview (first characters and length) and a fingerprint.`);
    if (findings.length > 0) {
        const history = stats.mode === 'history';
        const columns = [
            'rule',
            'severity',
            'file',
            'line',
            'column',
            'preview',
            'fingerprint',
            ...(history ? ['commit'] : []),
        ];
        s.table(columns, findings
            .slice(0, SUMMARY_ROWS)
            .map((f) => [
            f.ruleId,
            f.severity,
            f.path,
            f.line,
            f.column,
            f.preview,
            f.fingerprint.slice(0, 16),
            ...(history ? [f.commit?.sha.slice(0, 12) ?? ''] : []),
        ]));
        if (findings.length > SUMMARY_ROWS)
            s.paragraph(`… and ${findings.length - SUMMARY_ROWS} more in the report (report-path) and the SARIF log.`);
    }
    s.heading('Redaction log', 3);
    const rules = Object.entries(log.byRule);
    if (rules.length > 0)
        s.table(['rule', 'findings (values redacted)'], rules);
    else
        s.paragraph('No value needed redacting.');
    const suppressed = Object.entries(stats.suppressed).filter(([, n]) => n > 0);
    if (suppressed.length > 0)
        s.paragraph(`Suppressed: ${suppressed.map(([why, n]) => `${n} by ${why}`).join(', ')}.`);
    const skips = Object.entries(countSkips(stats.skipped));
    if (skips.length > 0 || stats.excludedDirs > 0 || stats.invalidUtf8.length > 0) {
        s.heading('Skipped files', 3);
        const rows = [...skips];
        if (stats.excludedDirs > 0)
            rows.push(['excluded directory (.git, node_modules)', stats.excludedDirs]);
        s.table(['reason', 'count'], rows);
        const reported = stats.skipped.filter((k) => REPORTED_SKIPS.has(k.reason));
        if (reported.length > 0)
            s.list(reported.slice(0, SUMMARY_ROWS).map((k) => `${k.path}: ${skipMessage(k, maxFileSize)}`));
        if (stats.invalidUtf8.length > 0) {
            s.paragraph(`${stats.invalidUtf8.length} file(s) held invalid UTF-8 and were scanned with U+FFFD in place of the bad bytes:`);
            s.list(stats.invalidUtf8.slice(0, SUMMARY_ROWS));
        }
    }
    return s.toString();
}
function escapeLabel(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
/**
 * Prometheus text format for a node-exporter textfile collector or a push to a gateway. Every rule
 * of the pack gets a series, zero included, so a rule that stops firing shows 0 rather than its
 * last non-zero count. The values are one run's counts: pushed per repository (push.ts) they read
 * as "findings in the latest scan". `repository` (owner/repo) is the only identity label: a run id
 * would make every run a new series. `summit_dlp_findings_total{rule,repository,source="ci"}` is
 * what infra/grafana's recording rules read.
 */
function metricsText(findings, stats, pack, identity = {}) {
    const repo = identity.repository ? `repository="${escapeLabel(identity.repository)}",` : '';
    const byRule = new Map(pack.rules.map((r) => [r.id, 0]));
    for (const f of findings)
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const lines = [
        '# HELP summit_dlp_findings_total DLP findings by rule (counts only, never values).',
        '# TYPE summit_dlp_findings_total counter',
        ...[...byRule]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([rule, n]) => `summit_dlp_findings_total{rule="${escapeLabel(rule)}",${repo}source="ci"} ${n}`),
        '# HELP summit_dlp_suppressed_total DLP matches suppressed, by reason (allowlist, inline dlp:allow, baseline, path).',
        '# TYPE summit_dlp_suppressed_total counter',
        ...Object.entries(stats.suppressed).map(([reason, n]) => `summit_dlp_suppressed_total{reason="${escapeLabel(reason)}",${repo}source="ci"} ${n}`),
        '# HELP summit_dlp_files_skipped_total Files not scanned, by reason.',
        '# TYPE summit_dlp_files_skipped_total counter',
        ...Object.entries(countSkips(stats.skipped)).map(([reason, n]) => `summit_dlp_files_skipped_total{reason="${escapeLabel(reason)}",${repo}source="ci"} ${n}`),
        '# HELP summit_dlp_files_scanned_total Files (or file patches) scanned.',
        '# TYPE summit_dlp_files_scanned_total counter',
        `summit_dlp_files_scanned_total{${repo}source="ci"} ${stats.filesScanned}`,
    ];
    return `${lines.join('\n')}\n`;
}
/** The evidence bundle's report.json: everything but values. */
function reportObject(findings, stats, failOn, range) {
    return {
        tool: 'summit-ops/dlp-scan',
        mode: stats.mode,
        target: stats.target,
        ...(range ? { range } : {}),
        failOn,
        violations: violations(findings, failOn),
        filesScanned: stats.filesScanned,
        bytesScanned: stats.bytesScanned,
        ...(stats.commitsScanned !== undefined ? { commitsScanned: stats.commitsScanned } : {}),
        redactionLog: redactionLog(findings),
        suppressed: stats.suppressed,
        skipped: {
            counts: countSkips(stats.skipped),
            excludedDirs: stats.excludedDirs,
            reported: stats.skipped.filter((s) => REPORTED_SKIPS.has(s.reason)),
        },
        invalidUtf8: stats.invalidUtf8,
        // Findings are plain data without the raw value (lib/dlp keeps it out of reach).
        findings: findings.map((f) => ({ ...f })),
    };
}

// EXTERNAL MODULE: ./lib/redact.ts + 2 modules
var redact = __webpack_require__(9133);
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
const MAX_WORKSPACE_FILE_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
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
        fd = openSync(isAbsolute(path) ? path : join(workspace, path), constants.O_RDONLY | constants.O_NONBLOCK);
        const info = fstatSync(fd);
        if (info.isDirectory())
            return { ok: false, why: `${path}: is a directory, not a file` };
        if (!info.isFile())
            return { ok: false, why: `${path}: is not a regular file` };
        if (info.size > maxBytes)
            return { ok: false, why: `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit` };
        const buffer = readFileSync(fd);
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
            closeSync(fd);
    }
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/tree.ts
/**
 * Tree mode's file-system adapter: walks a directory and hands each text file to the scanner.
 * Skips `.git` and `node_modules`, files over the size limit (reported; a binary one only
 * counted), and symlinks that leave the workspace (never followed, reported). A binary file is
 * decoded as every mode decodes one (bytes.ts: UTF-16/32 text, or its printable runs). Invalid
 * UTF-8 is decoded with U+FFFD and counted, so one stray byte neither hides the
 * rest of the file nor stops the scan.
 */
// Synchronous on purpose: each file costs five file-system calls, and awaiting each one through
// libuv's thread pool left the scan idle for a fifth of its time (bench/dlp, 480 files). Nothing
// else runs on this thread meanwhile; worker threads scan what was already read.




const EXCLUDED_DIRS = new Set(['.git', 'node_modules']);
function toWorkspacePath(workspace, absolute) {
    return (0,external_node_path_.relative)(workspace, absolute).split(external_node_path_.sep).join('/');
}
/** Yields text files under `root` (a directory or one file) in a stable order; `skipped` collects the rest. */
async function* walkTree(root, options, skipped) {
    const workspaceReal = (0,external_node_fs_.realpathSync)(options.workspace);
    const rootReal = (0,external_node_fs_.realpathSync)(root);
    const rel = (p) => toWorkspacePath(options.workspace, p);
    async function* visit(path) {
        let info;
        try {
            // The root itself may be a link (the caller checked that it resolves inside the workspace).
            info = path === root ? (0,external_node_fs_.statSync)(path) : (0,external_node_fs_.lstatSync)(path);
        }
        catch (error) {
            skipped.push({
                path: rel(path),
                reason: 'unreadable',
                detail: error.code ?? String(error),
            });
            return;
        }
        if (info.isDirectory()) {
            let entries;
            try {
                entries = (0,external_node_fs_.readdirSync)(path).sort();
            }
            catch (error) {
                skipped.push({
                    path: rel(path),
                    reason: 'unreadable',
                    detail: error.code ?? String(error),
                });
                return;
            }
            for (const name of entries) {
                if (EXCLUDED_DIRS.has(name)) {
                    options.onExcludedDir?.(rel((0,external_node_path_.join)(path, name)));
                    continue;
                }
                yield* visit((0,external_node_path_.join)(path, name));
            }
            return;
        }
        if (info.isSymbolicLink()) {
            let target;
            try {
                target = (0,external_node_fs_.realpathSync)(path);
            }
            catch {
                skipped.push({ path: rel(path), reason: 'symlink-broken' });
                return;
            }
            if (!isInside(workspaceReal, target)) {
                skipped.push({
                    path: rel(path),
                    reason: 'symlink-outside',
                    detail: 'points outside the workspace; not followed',
                });
                return;
            }
            const targetInfo = (0,external_node_fs_.statSync)(target);
            // Directories behind links are not entered (cycles, double counting); files the walk reaches
            // anyway are scanned once, at their own path.
            if (targetInfo.isDirectory()) {
                skipped.push({ path: rel(path), reason: 'symlink-dir' });
                return;
            }
            if (isInside(rootReal, target)) {
                skipped.push({ path: rel(path), reason: 'symlink-duplicate' });
                return;
            }
            yield* readText(target, rel(path), targetInfo.size);
            return;
        }
        if (!info.isFile()) {
            skipped.push({ path: rel(path), reason: 'special' });
            return;
        }
        yield* readText(path, rel(path), info.size);
    }
    async function* readText(file, shownAs, size) {
        if (options.ignorePath?.(shownAs))
            return;
        let bytes;
        let binary;
        try {
            // Sniff first: a binary over the limit (an image, an archive) is counted as binary, not
            // reported as oversized, and never read whole.
            const fd = (0,external_node_fs_.openSync)(file, 'r');
            try {
                const head = Buffer.alloc(Math.min(size, BINARY_SNIFF_BYTES));
                (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0);
                binary = looksBinary(head);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            if (size > options.maxFileSize) {
                skipped.push({ path: shownAs, reason: binary ? 'binary' : 'oversized', size });
                return;
            }
            bytes = (0,external_node_fs_.readFileSync)(file);
        }
        catch (error) {
            skipped.push({
                path: shownAs,
                reason: 'unreadable',
                detail: error.code ?? String(error),
            });
            return;
        }
        const { text, invalidUtf8 } = decodeForScan(bytes, binary);
        yield { path: shownAs, text, bytes: bytes.length, invalidUtf8 };
    }
    yield* visit(root);
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/scan.ts
/**
 * Runs one scan: picks the source (tree walk, git diff, git log, stdin), hands each text to the
 * lib/dlp engine with the pack, allowlists and baseline, and maps positions back (diff and history
 * scan only the added lines, so their line numbers are translated to the new file's).
 */










const STDIN_PATH = '<stdin>';
/** Where findings in a commit's message (history mode) are placed: not a file of the tree. */
const COMMIT_MESSAGE_PATH = '<commit-message>';
/** Where findings in a commit's author name are placed. */
const COMMIT_AUTHOR_PATH = '<commit-author>';
/** The commit as reports show it. Pure. */
function commitForReport(commit, details) {
    if (details === 'clear')
        return commit;
    const out = { ...commit };
    if (commit.email)
        out.email = (0,redact/* maskedPreview */.eu)(commit.email);
    if (commit.message)
        out.message = (0,redact/* maskedPreview */.eu)(commit.message);
    return out;
}
function addSuppressed(into, from) {
    for (const key of Object.keys(from))
        into[key] += from[key];
}
/**
 * The target, with every symlink on its way resolved, must be inside the workspace (also
 * resolved): comparing the text of the path would let `out/sub`, with `out -> ../elsewhere`, scan
 * (and report on) files outside it. Every mode but stdin: git runs in that directory too.
 */
async function assertTargetInside(workspace, target, label) {
    try {
        await (0,promises_.access)(target);
    }
    catch {
        throw new Error(`path '${label}' does not exist in the workspace; check the path input`);
    }
    if (await outsideWorkspace(workspace, target))
        throw new Error(`path '${label}' leads outside the workspace (${workspace}) through a symlink; scan a directory inside it`);
}
async function runScan(request) {
    if (request.mode !== 'stdin')
        await assertTargetInside(request.workspace, request.target, request.targetLabel);
    switch (request.mode) {
        case 'tree':
            return scanTree(request);
        case 'stdin':
            return scanStdin(request);
        case 'diff':
        case 'history':
            return scanGit(request);
    }
}
/** A file whose user rules ran past their budget: reported like a skip, at the file. */
function budgetSkip(exceeded, commit) {
    const names = [];
    if (exceeded.ruleIds.length > 0)
        names.push(`rule(s) ${exceeded.ruleIds.map((id) => `'${id}'`).join(', ')}`);
    if (exceeded.allowlist)
        names.push("the rules file's allowlist regexes");
    const rules = names.join(' and ');
    const stopped = exceeded.unscanned
        ? `${rules} ran past the time budget (${exceeded.budgetMs.toLocaleString('en-US')} ms) on this file, and so did the rest of the pack without them: nothing was reported for it`
        : `${rules} ran past the time budget (${exceeded.budgetMs.toLocaleString('en-US')} ms) on this file and were stopped; the other rules ran`;
    return {
        path: exceeded.path,
        reason: 'rule-budget',
        detail: commit ? `${stopped} (added in commit ${commit.sha.slice(0, 12)})` : stopped,
    };
}
function scanOptions(request) {
    const options = { rules: request.rules };
    // Diff mode reads only added lines: a dlp:allow on one of them is the change's own say-so.
    if (request.mode === 'diff')
        options.inlineAllow = 'report';
    if (request.baseline)
        options.baseline = request.baseline;
    if (request.ruleBudgetMs !== undefined)
        options.budgetMs = request.ruleBudgetMs;
    return options;
}
async function scanOne(request, stats, findings, text, path, commit) {
    // The commit rides on the file, so a budget worker keeps one job (and one compiled pack) for all.
    const { results, exceeded } = await (0,threads/* scanFilesBudgeted */.rq)([{ path, text, ...(commit ? { commit } : {}) }], scanOptions(request));
    const result = results[0];
    for (const e of exceeded)
        stats.skipped.push(budgetSkip(e, commit));
    addSuppressed(stats.suppressed, result.suppressed);
    findings.push(...result.findings);
    return result.findings;
}
/** Text read ahead of scanning in tree mode: enough for every worker to get a fair share. */
const CHUNK_UNITS = 32 * 1024 * 1024;
async function scanTree(request) {
    const stats = emptyStats('tree', request.targetLabel);
    const findings = [];
    const allowedPaths = request.rules.allowlist.paths;
    const ignorePath = (path) => {
        if (!allowedPaths.some((glob) => glob.test(path)))
            return false;
        stats.suppressed.path++;
        return true;
    };
    const files = walkTree(request.target, {
        workspace: request.workspace,
        maxFileSize: request.maxFileSize,
        onExcludedDir: () => stats.excludedDirs++,
        ignorePath,
    }, stats.skipped);
    // Files are read in chunks and each chunk is scanned while nothing else is read: with workers,
    // the chunk is split among them; with one thread (or a small scan) it runs here.
    let chunk = [];
    let units = 0;
    let warmed = false;
    const flush = async () => {
        if (chunk.length === 0)
            return;
        const options = scanOptions(request);
        options.threads = request.threads ?? 1;
        const { results, exceeded } = await (0,threads/* scanFilesBudgeted */.rq)(chunk, options);
        for (const e of exceeded)
            stats.skipped.push(budgetSkip(e));
        for (const result of results) {
            addSuppressed(stats.suppressed, result.suppressed);
            findings.push(...result.findings);
        }
        chunk = [];
        units = 0;
    };
    for await (const file of files) {
        stats.filesScanned++;
        stats.bytesScanned += file.bytes;
        if (file.invalidUtf8)
            stats.invalidUtf8.push(file.path);
        chunk.push({ path: file.path, text: file.text });
        units += file.text.length;
        // Enough to share: the workers load while the rest of the tree is read.
        if (!warmed && request.threads !== 1 && units >= threads/* MIN_UNITS_PER_LANE */._3) {
            warmed = true;
            (0,threads/* warmScanWorkers */.eg)(request.threads ?? 1);
        }
        if (units >= CHUNK_UNITS)
            await flush();
    }
    await flush();
    return { findings, stats };
}
async function scanStdin(request) {
    const stats = emptyStats('stdin', 'standard input');
    const findings = [];
    if (!request.readStdin)
        throw new Error("path '-' reads standard input, which this runner does not provide");
    const bytes = await request.readStdin();
    if (bytes.length > request.maxFileSize)
        stats.skipped.push({ path: STDIN_PATH, reason: 'oversized', size: bytes.length });
    else {
        // Decoded as a file in any mode (bytes.ts): binary input is not skipped.
        const { text, invalidUtf8 } = decodeForScan(bytes);
        if (invalidUtf8)
            stats.invalidUtf8.push(STDIN_PATH);
        stats.filesScanned = 1;
        stats.bytesScanned = bytes.length;
        await scanOne(request, stats, findings, text, STDIN_PATH);
    }
    return { findings, stats };
}
/** Joins a file's added lines into one text; the scanner's line n is the new file's `lines[n-1]`. */
function addedText(file) {
    const parts = [];
    const newline = Buffer.from('\n');
    file.content.forEach((line, i) => {
        if (i > 0)
            parts.push(newline);
        parts.push(line);
    });
    return Buffer.concat(parts);
}
/** Bytes in runs of 8 or more non-space characters: what a binary file has worth reading. */
function printableBytes(bytes) {
    let total = 0;
    let run = 0;
    for (let i = 0; i <= bytes.length; i++) {
        const b = i < bytes.length ? bytes[i] : 0x20;
        if (b > 0x20 && b < 0x7f)
            run++;
        else {
            if (run >= 8)
                total += run;
            run = 0;
        }
    }
    return total;
}
/** Translates positions of findings in `addedText(file)` to the new file's line numbers, in place (a copy would lose the value the redactor needs). */
/**
 * Puts findings at their new-file lines and drops those that touch no added line (a value the
 * context lines hold on their own was there before the change).
 */
function mapAddedLines(findings, file) {
    const kept = [];
    for (const f of findings) {
        const first = f.line - 1;
        const last = f.endLine - 1;
        let touches = file.context === undefined;
        for (let i = first; !touches && i <= last && i < file.lines.length; i++)
            touches = !file.context.has(file.lines[i]);
        f.line = file.lines[first] ?? f.line;
        f.endLine = file.lines[last] ?? f.endLine;
        if (touches)
            kept.push(f);
    }
    return kept;
}
async function scanGit(request) {
    const info = await (0,promises_.stat)(request.target);
    // git runs in a directory; a file target becomes its directory plus a pathspec.
    const cwd = info.isDirectory() ? request.target : (0,external_node_path_.dirname)(request.target);
    const pathspec = info.isDirectory() ? '.' : (0,external_node_path_.basename)(request.target);
    const top = await repoRoot(cwd);
    const shown = (gitPath) => {
        const absolute = (0,external_node_path_.join)(top, gitPath);
        return isInside(request.workspace, absolute) ? toWorkspacePath(request.workspace, absolute) : gitPath;
    };
    const findings = [];
    const head = request.head || 'HEAD';
    if (request.mode === 'diff') {
        if (!request.base)
            throw new Error("mode 'diff' needs a base commit: set the base input (only pull_request events provide one)");
        const stats = emptyStats('diff', `${request.base}..${head}`);
        for (const file of await addedLines(cwd, request.base, head, pathspec))
            await scanAdded(request, stats, findings, file, shown(file.path));
        return { findings, stats };
    }
    const stats = emptyStats('history', request.base ? `${request.base}..${head}` : head);
    const commits = await git_history(cwd, request.base, head, pathspec);
    stats.commitsScanned = commits.length;
    for (const { commit, files } of commits) {
        const shownCommit = commitForReport(commit, request.commitDetails ?? 'masked');
        // A commit message or an author name is text a person wrote: an SSN pasted into a message
        // is as much a leak as one in a file, and the report would otherwise carry it verbatim.
        await scanOne(request, stats, findings, commit.message, COMMIT_MESSAGE_PATH, shownCommit);
        await scanOne(request, stats, findings, commit.author, COMMIT_AUTHOR_PATH, shownCommit);
        for (const file of files)
            await scanAdded(request, stats, findings, file, shown(file.path), shownCommit);
    }
    return { findings, stats };
}
async function scanAdded(request, stats, findings, file, path, commit) {
    const where = commit ? `${path}@${commit.sha.slice(0, 12)}` : path;
    const inCommit = commit ? { detail: `added in commit ${commit.sha.slice(0, 12)}` } : {};
    // As in tree mode: an allowlisted path (a directory of generated bundles) is neither read nor
    // reported as skipped, so a large bundle added by a pull request does not fail it as "oversized".
    if (request.rules.allowlist.paths.some((glob) => glob.test(path))) {
        stats.suppressed.path++;
        return;
    }
    // A binary file (a NUL in the added bytes) is decoded as in every mode (bytes.ts): UTF-16/32
    // text as text, anything else over its printable runs — a key beside a NUL byte is still a key.
    // Without any added line (git's "Binary files differ" without --text, kept for old output)
    // there is nothing to read.
    if (file.binary && addedCount(file) === 0) {
        stats.skipped.push({ path, reason: 'binary', ...inCommit });
        return;
    }
    const bytes = addedText(file);
    const { text, invalidUtf8, encoding } = decodeForScan(bytes, file.binary);
    // Binary content weighs what it has worth reading (its printable runs); text its bytes.
    if ((encoding === 'binary' ? printableBytes(bytes) : bytes.length) > request.maxFileSize) {
        stats.skipped.push({ path, reason: 'oversized', size: bytes.length, ...inCommit });
        return;
    }
    if (invalidUtf8)
        stats.invalidUtf8.push(where);
    stats.filesScanned++;
    stats.bytesScanned += bytes.length;
    const scanned = await scanOne(request, stats, [], text, path, commit);
    findings.push(...mapAddedLines(scanned, file));
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./lib/http.ts
/**
 * HTTP with timeouts and retries, on Node's global fetch. Every attempt has its own timeout (a
 * stuck server must not eat the job's whole budget); network errors, timeouts, 429 and 5xx are
 * retried with exponential backoff and jitter, honouring Retry-After; other statuses are final.
 * Errors name the method and a sanitised URL (no userinfo, secret-looking query values masked) and
 * never any header, so they are safe to log.
 */

class HttpError extends Error {
    method;
    /** Sanitised: safe to print. */
    url;
    attempts;
    /** The last HTTP status seen, if any attempt got a response. */
    status;
    reason;
    /** The final response when the failure is a status; its body is not in the message. */
    response;
    constructor(init) {
        const tries = `${init.attempts} attempt${init.attempts === 1 ? '' : 's'}`;
        const last = init.status === undefined ? '' : `; last status ${init.status}`;
        super(`${init.method} ${init.url} failed after ${tries}: ${init.detail}${last}`);
        this.name = 'HttpError';
        this.method = init.method;
        this.url = init.url;
        this.attempts = init.attempts;
        this.status = init.status;
        this.reason = init.reason;
        this.response = init.response;
    }
}
const SECRET_PARAM = /(token|key|secret|signature|password|passwd|pwd|sig|credential|credentials|auth)$/;
/** True for query parameter names whose values are credentials (`token`, `api_key`, `X-Amz-Signature`…). */
function isSecretParam(name) {
    return SECRET_PARAM.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
/**
 * The URL as it may be printed: userinfo removed, fragment dropped, values of secret-looking query
 * parameters replaced with `***`. Other parameters keep their original encoding.
 */
function sanitizeUrl(input) {
    let url;
    try {
        url = new URL(String(input));
    }
    catch {
        return '<invalid URL>';
    }
    url.username = '';
    url.password = '';
    url.hash = '';
    // Credentials that live in the path: Slack/Discord webhooks, Telegram bot<token> URLs.
    url.pathname = url.pathname
        .replace(/^(\/services)\/[^/]+\/[^/]+\/[^/]+/, '$1/***')
        .replace(/^(\/api\/webhooks\/\d+)\/[^/]+/, '$1/***')
        .replace(/^\/bot\d+:[^/]+/, '/bot***');
    const query = url.search.slice(1);
    if (!query)
        return url.toString();
    const parts = query.split('&').map((part) => {
        const eq = part.indexOf('=');
        const rawName = eq === -1 ? part : part.slice(0, eq);
        let name = rawName;
        try {
            name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        }
        catch {
            // a malformed escape is still a name we can test as is
        }
        return isSecretParam(name) && eq !== -1 ? `${rawName}=***` : part;
    });
    url.search = '';
    return `${url.toString()}?${parts.join('&')}`;
}
/**
 * Sends a request with per-attempt timeout and retries. Resolves with the buffered response;
 * rejects with HttpError (never a raw fetch error) on timeout, network failure, abort, or a final
 * non-2xx status (unless `throwHttpErrors: false`).
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
async function httpRequest(url, options = {}) {
    const method = (options.method ?? 'GET').toUpperCase();
    const timeoutMs = options.timeoutMs ?? 10_000;
    const retries = Math.max(0, Math.floor(options.retries ?? (IDEMPOTENT.has(method) ? 2 : 0)));
    const minBackoffMs = options.minBackoffMs ?? 500;
    const maxBackoffMs = Math.max(minBackoffMs, options.maxBackoffMs ?? 30_000);
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const now = options.now ?? Date.now;
    let target;
    try {
        target = new URL(String(url));
    }
    catch {
        throw new HttpError({
            method,
            url: '<invalid URL>',
            attempts: 0,
            reason: 'network',
            detail: 'the URL is not valid',
        });
    }
    const safeUrl = sanitizeUrl(target);
    const headers = new Headers(options.headers);
    const secrets = collectSecrets(target, headers);
    // fetch() refuses URLs with userinfo (and echoes them in its error); send them as Basic auth like curl.
    if (target.username || target.password) {
        if (!headers.has('authorization')) {
            const user = decodeURIComponent(target.username);
            const pass = decodeURIComponent(target.password);
            headers.set('authorization', `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
        }
        target.username = '';
        target.password = '';
    }
    let body = options.body;
    if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        if (!headers.has('content-type'))
            headers.set('content-type', 'application/json');
    }
    const fail = (init) => new HttpError({ ...init, method, url: safeUrl, detail: scrub(init.detail, secrets) });
    let lastStatus;
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted) {
            throw fail({
                attempts: attempt - 1,
                status: lastStatus,
                reason: 'aborted',
                detail: 'aborted by the caller',
            });
        }
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        let retryAfterMs;
        let failure;
        try {
            const init = { method, headers, signal, redirect: 'follow' };
            if (body !== undefined)
                init.body = body;
            const res = await fetch(target, init);
            const text = await res.text();
            lastStatus = res.status;
            const response = makeResponse(res, text, safeUrl, attempt, (detail) => fail({ attempts: attempt, status: res.status, reason: 'invalid-json', detail }));
            if (res.ok || (options.throwHttpErrors === false && !isRetryableStatus(res.status)))
                return response;
            failure = fail({
                attempts: attempt,
                status: res.status,
                reason: 'status',
                detail: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${bodySnippet(text)}`,
                response,
            });
            if (!isRetryableStatus(res.status))
                throw failure;
            if (attempt > retries) {
                if (options.throwHttpErrors === false)
                    return response;
                throw failure;
            }
            retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
        }
        catch (error) {
            if (error instanceof HttpError)
                throw error;
            if (options.signal?.aborted) {
                throw fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'aborted',
                    detail: 'aborted by the caller',
                });
            }
            failure = timeout.aborted
                ? fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'timeout',
                    detail: `no complete response within ${timeoutMs} ms (timeoutMs)`,
                })
                : fail({
                    attempts: attempt,
                    status: lastStatus,
                    reason: 'network',
                    detail: `network error: ${describeNetworkError(error)}`,
                });
            if (attempt > retries)
                throw failure;
        }
        const wait = retryAfterMs !== undefined
            ? Math.min(retryAfterMs, maxBackoffMs)
            : backoffMs(attempt, minBackoffMs, maxBackoffMs, random);
        try {
            await sleep(wait, options.signal);
        }
        catch {
            throw fail({
                attempts: attempt,
                status: lastStatus,
                reason: 'aborted',
                detail: 'aborted by the caller while waiting to retry',
            });
        }
    }
}
/** 429 and 5xx are worth retrying: the server says "later", not "never". */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status <= 599);
}
/**
 * The wait before retry number `attempt` (1-based): min·2^(attempt-1), capped, then "equal jitter"
 * (between half and all of it) so clients that failed together do not retry together.
 */
function backoffMs(attempt, minMs, maxMs, random = Math.random) {
    const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base / 2 + (base / 2) * random());
}
/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs = Date.now()) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
function makeResponse(res, text, safeUrl, attempts, invalidJson) {
    return {
        status: res.status,
        statusText: res.statusText,
        ok: res.ok,
        headers: res.headers,
        url: safeUrl,
        attempts,
        text: () => text,
        json() {
            try {
                return JSON.parse(text);
            }
            catch (error) {
                throw invalidJson(`the response body is not JSON (${error.message})`);
            }
        },
    };
}
function bodySnippet(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (!flat)
        return '';
    return `: ${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}`;
}
function describeNetworkError(error) {
    const err = error;
    const cause = err?.cause;
    if (cause?.code && cause.message)
        return `${cause.code} (${cause.message})`;
    if (cause?.message)
        return cause.message;
    return err?.message ?? String(error);
}
/** Values that must not survive into a message even if a lower layer echoes them. */
function collectSecrets(url, headers) {
    const values = [];
    const add = (v) => {
        if (v.length >= 3)
            values.push(v, encodeURIComponent(v));
    };
    if (url.username)
        add(decodeURIComponent(url.username));
    if (url.password)
        add(decodeURIComponent(url.password));
    for (const [name, value] of url.searchParams)
        if (isSecretParam(name))
            add(value);
    for (const [name, value] of headers) {
        if (/auth|token|key|secret|cookie|signature|password/i.test(name)) {
            add(value);
            for (const word of value.split(/\s+/))
                add(word);
        }
    }
    return [...new Set(values)].sort((a, b) => b.length - a.length);
}
function scrub(text, secrets) {
    let out = text;
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}
function defaultSleep(ms, signal) {
    return (0,external_node_timers_promises_.setTimeout)(ms, undefined, signal ? { signal } : undefined);
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/push.ts
/**
 * Ships dlp-metrics.prom to a Prometheus Pushgateway. Each run replaces its repository's group
 * (PUT), so the gateway holds the latest scan's counts per repository and Prometheus scrapes them
 * as gauges of "findings in the last scan": no run id in the key, or every run would be a new
 * series forever.
 */


const PUSH_JOB = 'summit-dlp-scan';
const INPUT = 'metrics-pushgateway-url';
/**
 * Checks the input before the scan so a typo fails in seconds, not after a long history scan.
 * The value is never echoed: it may hold credentials.
 */
function parsePushgatewayUrl(value) {
    const url = (0,inputs/* httpUrl */.q3)(INPUT, value, 'http(s)://host:9091');
    if (url.search || url.hash)
        throw new inputs/* InputError */.dz(INPUT, 'has a query or fragment, which the Pushgateway path syntax cannot carry', 'the gateway base URL such as https://user:pass@pushgateway:9091');
    return url;
}
/**
 * `<base>/metrics/job/summit-dlp-scan/repository@base64/<base64url(owner/repo)>`: the repository
 * holds a '/', which a plain path segment cannot, hence the gateway's @base64 form. Pure.
 */
function pushUrl(base, repository) {
    const url = new URL(base.href);
    const encoded = Buffer.from(repository, 'utf8').toString('base64url');
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics/job/${PUSH_JOB}/repository@base64/${encoded}`;
    return url;
}
/**
 * PUTs the metrics text; never throws. A failed push is a warning for the caller: the scan's
 * verdict must not depend on a monitoring endpoint being up.
 */
async function pushMetrics(base, repository, text, http = {}) {
    if (!repository)
        return {
            pushed: false,
            reason: 'no repository is known (GITHUB_REPOSITORY is unset), and the grouping key needs it; run inside GitHub Actions or set GITHUB_REPOSITORY=owner/repo',
        };
    const url = pushUrl(base, repository);
    try {
        const res = await httpRequest(url, {
            method: 'PUT',
            body: text,
            headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
            ...http,
        });
        return { pushed: true, url: res.url };
    }
    catch (error) {
        // HttpError messages name a sanitised URL (no userinfo) and never a header.
        const reason = error instanceof HttpError ? error.message : `unexpected error: ${error.name}`;
        return { pushed: false, reason };
    }
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/trusted-config.ts
/**
 * Diff mode's configuration comes from the BASE commit, not from the checkout. The checkout of a
 * pull request is the pull request's own tree: reading `.summit-ops-dlp.yml` or the baseline from
 * it would let a pull request switch off its own scan (an allowlist of `**`, a baseline entry for
 * the key it adds). The base commit is what reviewers already accepted.
 *
 * A change the diff makes to those files is itself reported (rule `dlp-config-changed`, a
 * warning): this scan did not use it, the next scan after the merge will, so a reviewer must see it.
 */





const CONFIG_CHANGED_RULE = 'dlp-config-changed';
const CONFIG_CHANGED_DESCRIPTOR = {
    id: CONFIG_CHANGED_RULE,
    shortDescription: 'dlp-scan configuration (rule pack or baseline) changed: this scan used the base version; the change applies after the merge',
    defaultLevel: 'warning',
    tags: ['config'],
};
const CONFIG_SYMLINK_RULE = 'dlp-config-symlink';
const CONFIG_SYMLINK_DESCRIPTOR = {
    id: CONFIG_SYMLINK_RULE,
    shortDescription: 'dlp-scan configuration is a symlink in the repository: it is never followed (it could point anywhere); this scan used the built-in defaults for it',
    defaultLevel: 'error',
    tags: ['config'],
};
async function realOrSame(path) {
    try {
        return await (0,promises_.realpath)(path);
    }
    catch {
        return path;
    }
}
/**
 * The sentence a reviewer reads: which file, what the change does to it, and what this scan used
 * instead (the base commit's copy — the change's own copy could switch its scan off).
 */
function configChangedMessage(shown, what, state) {
    return `${shown} (the ${what}) is ${state} by the scanned change. This scan used the base commit's configuration, not the change's: the ${state === 'deleted' ? 'deletion' : state === 'added' ? 'file' : 'new version'} applies to scans after the merge. A reviewer should check it; nothing to fix if it is intended.`;
}
function changedFinding(ref, what, state, blob) {
    return {
        ruleId: CONFIG_CHANGED_RULE,
        description: configChangedMessage(ref.shown, what, state),
        severity: 'warning',
        tags: ['config'],
        path: ref.shown,
        line: 1,
        endLine: 1,
        column: 1,
        endColumn: 1,
        preview: state,
        matchPreview: state,
        fingerprint: (0,digest/* sha256Hex */.f)(`${CONFIG_CHANGED_RULE}:${blob}:${ref.shown}`),
    };
}
/** A configuration file that is a symlink (where: which commit or the checkout). */
function symlinkFinding(shown, where) {
    return {
        ruleId: CONFIG_SYMLINK_RULE,
        description: `${CONFIG_SYMLINK_DESCRIPTOR.shortDescription} (${where}). Replace the symlink with the file itself.`,
        severity: 'error',
        tags: ['config'],
        path: shown,
        line: 1,
        endLine: 1,
        column: 1,
        endColumn: 1,
        preview: 'symlink',
        matchPreview: 'symlink',
        fingerprint: (0,digest/* sha256Hex */.f)(`${CONFIG_SYMLINK_RULE}:${where}:${shown}`),
    };
}
/**
 * The first symlink on the way from `root` (not included) to `root/rel`, or undefined. A file read
 * from the checkout must not pass through one: the pull request decides where it points.
 */
async function symlinkOnPath(root, rel) {
    let at = root;
    for (const part of rel.split(/[\\/]/).filter(Boolean)) {
        at = (0,external_node_path_.join)(at, part);
        try {
            if ((await (0,promises_.lstat)(at)).isSymbolicLink())
                return (0,external_node_path_.relative)(root, at).split(external_node_path_.sep).join('/');
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/**
 * Where a configuration file lives relative to the repository, worked out from the path's text
 * under the workspace: the workspace itself is resolved (a runner may reach it through a
 * symlink), but nothing inside it — a symlink there is the pull request's to point anywhere.
 */
async function repoPathOf(top, workspace, absolute) {
    const inWorkspace = (0,external_node_path_.relative)(workspace, absolute);
    const lexical = inWorkspace.startsWith('..') || (0,external_node_path_.isAbsolute)(inWorkspace)
        ? await realOrSame(absolute)
        : (0,external_node_path_.resolve)(await realOrSame(workspace), inWorkspace);
    const rel = (0,external_node_path_.relative)(top, lexical);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return { outside: lexical };
    return { gitPath: rel.split(external_node_path_.sep).join('/') };
}
/**
 * Loads the rule pack and baseline as the base commit has them, and reports the diff's changes
 * to them. A file outside the repository (not something a pull request can change) is read from
 * disk; so is a file an input names that neither commit tracks (written by an earlier step of
 * the caller's job). The conventional files are only ever read from the base commit.
 */
async function configFromBase(options) {
    const top = await realOrSame(await repoRoot(options.cwd));
    const { base, head } = await resolveRange(options.cwd, options.base, options.head);
    const from = await mergeBaseOf(top, base, head);
    const notes = [];
    const changed = [];
    async function locate(given, what) {
        if (!given)
            return { kind: 'none' };
        let ref = given;
        const workspace = options.workspace ?? options.cwd;
        let where = await repoPathOf(top, workspace, ref.absolute);
        if ('outside' in where && !ref.explicit) {
            // The conventional file belongs to the repository's root: with the checkout in a
            // subdirectory of the workspace (actions/checkout `path:`), that is not the workspace root.
            const name = (0,external_node_path_.basename)(ref.absolute);
            const inRepo = (0,external_node_path_.join)(top, name);
            const rel = (0,external_node_path_.relative)(await realOrSame(workspace), inRepo);
            ref = {
                ...ref,
                absolute: inRepo,
                shown: rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? inRepo : rel.split(external_node_path_.sep).join('/'),
            };
            where = { gitPath: name };
        }
        if ('outside' in where) {
            notes.push(`Using ${what} ${ref.shown} (outside the repository, read from disk).`);
            return { kind: 'disk', ref };
        }
        const { gitPath } = where;
        const [atBase, atFork, atHead] = await Promise.all([
            entryAt(top, base, gitPath),
            entryAt(top, from, gitPath),
            entryAt(top, head, gitPath),
        ]);
        if (atFork?.id !== atHead?.id || atFork?.mode !== atHead?.mode) {
            const state = atFork === undefined ? 'added' : atHead === undefined ? 'deleted' : 'modified';
            // Named as the docs name it: "rules file" rather than the notes' "rule-pack override".
            const label = what === 'baseline' ? 'baseline' : 'rules file';
            changed.push(changedFinding(ref, label, state, atHead?.id ?? 'deleted'));
        }
        // A symlink is never followed, in any commit: its target is whatever the link text says.
        if (atHead?.mode === SYMLINK_MODE)
            changed.push(symlinkFinding(ref.shown, `head ${head.slice(0, 12)}`));
        if (atBase?.mode === SYMLINK_MODE) {
            if (atHead?.mode !== SYMLINK_MODE)
                changed.push(symlinkFinding(ref.shown, `base ${base.slice(0, 12)}`));
            notes.push(`Not using ${what} ${ref.shown}: it is a symlink in the base commit (never followed).`);
            return { kind: 'none' };
        }
        if (atBase !== undefined) {
            const text = await showFile(top, base, gitPath);
            notes.push(`Using ${what} ${ref.shown} as of the base commit ${base.slice(0, 12)} (not the checkout).`);
            return { kind: 'text', text: (text ?? Buffer.alloc(0)).toString('utf8'), shown: ref.shown };
        }
        if (ref.explicit && atHead === undefined && atFork === undefined) {
            const link = await symlinkOnPath(top, gitPath);
            if (link !== undefined) {
                changed.push(symlinkFinding(ref.shown, `checkout, through ${link}`));
                notes.push(`Not using ${what} ${ref.shown}: its path passes through a symlink (${link}).`);
                return { kind: 'none' };
            }
            notes.push(`Using ${what} ${ref.shown} (not tracked by git, read from disk).`);
            return { kind: 'disk', ref };
        }
        if (atHead !== undefined)
            notes.push(`Not using ${what} ${ref.shown}: the base commit does not have it (this change adds it; it applies after the merge).`);
        return { kind: 'none' };
    }
    const rulesSource = await locate(options.rules, 'rule-pack override');
    const baselineSource = await locate(options.baseline, 'baseline');
    const rules = rulesSource.kind === 'text'
        ? rulesFromText(rulesSource.text, rulesSource.shown)
        : rulesSource.kind === 'disk'
            ? await loadRules(rulesSource.ref.absolute, rulesSource.ref.shown)
            : await loadRules(undefined);
    const baseline = baselineSource.kind === 'text'
        ? baselineFromText(baselineSource.text, baselineSource.shown)
        : baselineSource.kind === 'disk'
            ? await loadBaseline(baselineSource.ref.absolute, baselineSource.ref.shown)
            : undefined;
    return { rules, baseline, changed, notes };
}

;// CONCATENATED MODULE: ./actions/dlp-scan/src/stdin.ts
const processStdin = async () => {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
};

;// CONCATENATED MODULE: ./actions/dlp-scan/src/main.ts
/**
 * dlp-scan as an action: inputs → (tree walk | git diff | git log | stdin) → lib/dlp engine →
 * annotations, job summary, gitleaks-compatible JSON, SARIF, redaction log, Prometheus metrics,
 * evidence bundle, check run. Every raw value found is registered with the run's Redactor before
 * anything is written, so even a stray copy is masked on its way out.
 */



















const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Skips that fail the step under fail-on-skipped: content that was there but not read. */
const FAILING_SKIPS = new Set(['oversized', 'unreadable', 'rule-budget']);
const main_inputs = {
    mode: (0,inputs/* oneOf */.yL)(['auto', 'diff', 'tree', 'history'], {
        default: 'auto',
        description: 'auto (diff on pull_request and merge_group events, tree otherwise), diff (lines added between base and head), tree (every file under path) or history (git log -p of base..head).',
    }),
    path: (0,inputs/* str */.gx)({
        default: '.',
        description: "Directory or file to scan (tree), or inside the repository (diff, history); '-' scans standard input.",
    }),
    base: (0,inputs/* str */.gx)({
        description: 'Base commit for diff and history; default: the pull request or merge group base.',
    }),
    head: (0,inputs/* str */.gx)({
        description: 'Head commit for diff and history; default: the pull request or merge group head, else HEAD.',
    }),
    rules: (0,inputs/* str */.gx)({
        description: `Rule-pack override or extension (YAML or JSON, see lib/dlp/README.md); default: ${DEFAULT_RULES_FILE} when present.`,
    }),
    baseline: (0,inputs/* str */.gx)({
        description: `JSON baseline of accepted fingerprints; default: ${DEFAULT_BASELINE_FILE} when present.`,
    }),
    'fail-on': (0,inputs/* oneOf */.yL)(['error', 'warning', 'notice'], {
        default: 'error',
        description: 'The lowest finding severity that fails the step.',
    }),
    'max-file-size': (0,inputs/* size */.Ej)({
        default: DEFAULT_MAX_FILE_SIZE,
        description: 'Larger files are skipped and reported (e.g. 1M, 512k).',
    }),
    'fail-on-skipped': (0,inputs/* bool */.lc)({
        default: true,
        description: 'Fail the step when a file that could hold a secret was not scanned: over max-file-size, or unreadable. Allowlisted paths are never read, so they do not count.',
    }),
    'evidence-dir': (0,inputs/* str */.gx)({
        description: 'Write an evidence bundle (report, SARIF, gitleaks JSON, redaction log, metrics, manifest) to this empty directory.',
    }),
    'commit-details': (0,inputs/* oneOf */.yL)(['masked', 'clear'], {
        default: 'masked',
        description: "History mode: how reports show each commit's author email and message. masked (default): first 4 characters and the length; clear: as git has them, except values the scan finds in them.",
    }),
    'metrics-pushgateway-url': (0,inputs/* str */.gx)({
        secret: true,
        description: 'Prometheus Pushgateway base URL (may hold user:password@); when set, dlp-metrics.prom is PUT to <url>/metrics/job/summit-dlp-scan/repository@base64/<owner/repo>. A failed push is a warning.',
    }),
    threads: (0,inputs/* str */.gx)({
        default: 'auto',
        description: "Threads that scan in tree mode, this one included: 'auto' (one per core) or a number (1: no worker thread). A small scan stays on one thread, where starting a worker costs more than it saves.",
    }),
    'check-run': (0,inputs/* bool */.lc)({
        default: false,
        description: 'Also publish the findings as a check run (needs checks: write). Off by default: the annotations and the job summary already show every finding once.',
    }),
    'github-token': (0,inputs/* str */.gx)({ secret: true, description: 'Token for the check run.' }),
};
/** `auto` or a whole number 1–64. Pure. */
function parseThreads(value) {
    const text = value.trim().toLowerCase();
    if (text === '' || text === 'auto')
        return 'auto';
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new inputs/* InputError */.dz('threads', `'${value}' is not a thread count`, "'auto' or a whole number from 1 to 64");
    return n;
}
/**
 * Decides the mode and the commits from the inputs and the event payload: pull requests and
 * merge-queue groups (lib/github.ts changeRange) are diffs of their base and head. Pure.
 */
function resolvePlan(values, github) {
    const change = (0,lib_github/* changeRange */.SZ)(github);
    if (values.path === '-') {
        if (values.mode === 'diff' || values.mode === 'history')
            throw new Error(`path '-' scans standard input, which has no git history; use mode tree or auto (mode is '${values.mode}')`);
        return { mode: 'stdin' };
    }
    const mode = values.mode === 'auto' ? (change ? 'diff' : 'tree') : values.mode;
    if (mode === 'tree')
        return { mode };
    const plan = { mode };
    const base = values.base || change?.base;
    const head = values.head || change?.head || 'HEAD';
    if (base)
        plan.base = base;
    plan.head = head;
    if (mode === 'diff' && !base)
        throw new Error("mode 'diff' needs a base commit: set the base input (only pull_request and merge_group events provide one), or use mode tree");
    return plan;
}
function inWorkspace(context, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(context.workspace, path);
}
function shown(context, absolute) {
    return isInside(context.workspace, absolute)
        ? toWorkspacePath(context.workspace, absolute) || '.'
        : absolute;
}
/** Diff mode: the input's file, or the conventional one whether or not the checkout still has it. */
function configRef(context, given, conventional) {
    const absolute = given ? inWorkspace(context, given) : (0,external_node_path_.join)(context.workspace, conventional);
    return { absolute, shown: shown(context, absolute), explicit: !!given };
}
/** The input's file, or the conventional file at the workspace root when it exists. */
function configFile(context, given, conventional, what) {
    if (given)
        return inWorkspace(context, given);
    const candidate = (0,external_node_path_.join)(context.workspace, conventional);
    if ((0,external_node_fs_.existsSync)(candidate)) {
        context.log.info(`Using ${what} ${conventional} (found at the workspace root).`);
        return candidate;
    }
    return undefined;
}
/**
 * A configuration file in the workspace reached through a symlink is not read (a finding
 * instead): the link could point anywhere, such as an allowlist of `**` outside the repository.
 */
async function unlinkedConfig(context, file, findings) {
    if (!file || !isInside(context.workspace, file))
        return file;
    const link = await symlinkOnPath(context.workspace, toWorkspacePath(context.workspace, file));
    if (link === undefined)
        return file;
    const shownAs = shown(context, file);
    findings.push(symlinkFinding(shownAs, link === shownAs ? 'checkout' : `checkout, through ${link}`));
    context.log.info(`Not using ${shownAs}: it is reached through a symlink (${link}), never followed.`);
    return undefined;
}
function createDlpScan(ports = { readStdin: processStdin }) {
    return defineAction({
        name: 'dlp-scan',
        inputs: main_inputs,
        async run(values, context) {
            const failOn = values.failOn;
            // 0 would skip every file and report a clean scan of nothing.
            if (values.maxFileSize <= 0)
                throw new inputs/* InputError */.dz('max-file-size', `${values.maxFileSize} bytes would skip every file`, 'a size above 0 such as 1M or 512k');
            const pushgateway = values.metricsPushgatewayUrl
                ? parsePushgatewayUrl(values.metricsPushgatewayUrl)
                : undefined;
            if (pushgateway)
                context.redactor.addUrlCredentials(pushgateway);
            const threads = parseThreads(values.threads);
            const planInput = { mode: values.mode, path: values.path };
            if (values.base)
                planInput.base = values.base;
            if (values.head)
                planInput.head = values.head;
            const plan = resolvePlan(planInput, context.github);
            const target = plan.mode === 'stdin' ? context.workspace : inWorkspace(context, values.path);
            if (plan.mode !== 'stdin') {
                if (!isInside(context.workspace, target))
                    throw new Error(`path '${values.path}' is outside the workspace (${context.workspace}); scan a directory inside it`);
                if (!(0,external_node_fs_.existsSync)(target))
                    throw new Error(`path '${values.path}' does not exist in the workspace; check the path input`);
            }
            let rules;
            let baseline;
            let configChanged = [];
            let outcome;
            try {
                if (plan.mode === 'diff' || (plan.mode === 'history' && plan.base)) {
                    // The change's own copy of the rules and baseline could switch its scan off: read them
                    // as blobs of the base commit.
                    const trusted = await configFromBase({
                        cwd: (0,external_node_fs_.statSync)(target).isDirectory() ? target : (0,external_node_path_.dirname)(target),
                        workspace: context.workspace,
                        base: plan.base,
                        head: plan.head ?? 'HEAD',
                        rules: configRef(context, values.rules, DEFAULT_RULES_FILE),
                        baseline: configRef(context, values.baseline, DEFAULT_BASELINE_FILE),
                    });
                    for (const note of trusted.notes)
                        context.log.info(note);
                    ({ rules, baseline } = trusted);
                    configChanged = trusted.changed;
                }
                else {
                    const rulesFile = await unlinkedConfig(context, configFile(context, values.rules, DEFAULT_RULES_FILE, 'rule-pack override'), configChanged);
                    const baselineFile = await unlinkedConfig(context, configFile(context, values.baseline, DEFAULT_BASELINE_FILE, 'baseline'), configChanged);
                    rules = await loadRules(rulesFile, rulesFile && shown(context, rulesFile));
                    baseline = await loadBaseline(baselineFile, baselineFile && shown(context, baselineFile));
                }
                outcome = await runScan({
                    mode: plan.mode,
                    workspace: context.workspace,
                    target,
                    targetLabel: values.path,
                    ...(plan.base ? { base: plan.base } : {}),
                    ...(plan.head ? { head: plan.head } : {}),
                    maxFileSize: values.maxFileSize,
                    rules,
                    commitDetails: values.commitDetails,
                    threads,
                    ...(baseline ? { baseline: baseline.fingerprints } : {}),
                    readStdin: ports.readStdin,
                });
            }
            catch (error) {
                // A git problem is the user's to fix (a range, a shallow clone): the message, not a trace.
                if (error instanceof GitError)
                    throw new Error(`dlp-scan (${plan.mode}): ${error.message}`);
                throw error;
            }
            // Before any output is built: from here on every copy of a value is masked.
            (0,scan/* registerSecrets */.dg)(context.redactor, outcome.findings);
            for (const skipped of outcome.stats.skipped)
                context.redactor.addReadable(skipped.path);
            outcome.findings.unshift(...configChanged);
            context.log.info(`dlp-scan: ${outcome.findings.length} finding(s) in ${outcome.stats.filesScanned} file(s) (${plan.mode}).`);
            return main_toResult(outcome.findings, outcome.stats, rules, failOn, values.maxFileSize, context, values.evidenceDir, plan, values.failOnSkipped, pushgateway, values.checkRun ?? false);
        },
    });
}
/* harmony default export */ const main = (createDlpScan());
async function main_toResult(findings, stats, rules, failOn, maxFileSize, context, evidenceDir, plan, failOnSkipped, pushgateway, checkRun) {
    const redact = (value) => context.redactor.redactDeep(value);
    const { shown, omitted } = annotatedFindings(findings);
    const capNote = `${omitted} finding(s) have no annotation (at most ${ANNOTATIONS_PER_FILE} per file and ${ANNOTATIONS_PER_RUN} per run); every finding is in the report (report-path) and the SARIF log.`;
    const markdown = summaryMarkdown(findings, stats, failOn, maxFileSize) + (omitted > 0 ? `\n${(0,summary/* paragraph */.FY)(capNote)}` : '');
    const gitleaks = `${JSON.stringify(redact(gitleaksReport(findings)), null, 2)}\n`;
    // Counts only: per rule, severity and tag, what was suppressed and why, what was not scanned.
    const log = `${JSON.stringify(redact({ ...redactionLog(findings), suppressed: stats.suppressed, skippedFiles: countSkips(stats.skipped), invalidUtf8Files: stats.invalidUtf8.length }), null, 2)}\n`;
    const repository = context.github.repository;
    const metrics = context.redactor.redact(metricsText(findings, stats, rules, repository ? { repository } : {}));
    const sarifReport = {
        toolName: 'summit-ops/dlp-scan',
        informationUri: 'https://github.com/summit-ops/summit-ops/tree/main/actions/dlp-scan',
        rules: [
            ...ruleDescriptors(rules),
            ...(findings.some((f) => f.ruleId === CONFIG_CHANGED_RULE) ? [CONFIG_CHANGED_DESCRIPTOR] : []),
            ...(findings.some((f) => f.ruleId === CONFIG_SYMLINK_RULE) ? [CONFIG_SYMLINK_DESCRIPTOR] : []),
        ],
        findings: findings.map(toReportFinding),
    };
    const outDir = (0,external_node_path_.join)(context.tempDir, 'dlp-scan-out');
    await (0,promises_.mkdir)(outDir, { recursive: true });
    const sarif = await writeSarif((0,external_node_path_.join)(outDir, 'dlp-scan.sarif'), sarifReport, context.redactor, {
        workspace: context.workspace,
        // The log's shape is fixed by buildSarif and validated by the tests (main.test.ts); compiling
        // the schema would be most of a one-file scan's start-up.
        validate: false,
    });
    const files = { 'dlp-report.json': gitleaks, 'dlp-redaction-log.json': log, 'dlp-metrics.prom': metrics };
    for (const [name, content] of Object.entries(files))
        await (0,promises_.writeFile)((0,external_node_path_.join)(outDir, name), content);
    if (pushgateway) {
        const pushed = await pushMetrics(pushgateway, repository, metrics);
        if (pushed.pushed)
            context.log.info(`dlp-scan: metrics pushed to ${pushed.url}.`);
        else
            context.log.warning(`dlp-scan: metrics not pushed to the Pushgateway (${pushed.reason}). The scan result stands; the counts are still in dlp-metrics.prom (evidence-dir).`);
    }
    let reportPath = (0,external_node_path_.join)(outDir, 'dlp-report.json');
    let sarifPath = (0,external_node_path_.join)(outDir, 'dlp-scan.sarif');
    if (evidenceDir) {
        const dir = inWorkspace(context, evidenceDir);
        const range = plan.mode === 'diff' || plan.mode === 'history'
            ? { ...(plan.base ? { base: plan.base } : {}), ...(plan.head ? { head: plan.head } : {}) }
            : undefined;
        await writeEvidenceBundle(dir, {
            report: reportObject(findings, stats, failOn, range),
            markdown,
            files: [
                { name: 'dlp-scan.sarif', content: `${JSON.stringify(sarif, null, 2)}\n` },
                ...Object.entries(files).map(([name, content]) => ({ name, content })),
            ],
        }, context.redactor);
        reportPath = (0,external_node_path_.join)(dir, 'dlp-report.json');
        sarifPath = (0,external_node_path_.join)(dir, 'dlp-scan.sarif');
    }
    const failing = violations(findings, failOn);
    const annotations = [...shown.map(findingAnnotation), ...skipAnnotations(stats.skipped, maxFileSize)];
    if (omitted > 0)
        annotations.push({
            level: 'notice',
            title: 'dlp-scan: annotations capped',
            message: capNote,
        });
    const unscanned = failOnSkipped ? stats.skipped.filter((k) => FAILING_SKIPS.has(k.reason)) : [];
    const result = {
        outputs: { findings: String(findings.length), 'report-path': reportPath, 'sarif-path': sarifPath },
        annotations,
        summary: markdown,
    };
    if (checkRun)
        result.checkRun = {
            name: 'dlp-scan',
            title: failing > 0
                ? `${failing} finding(s) at or above ${failOn}`
                : unscanned.length > 0
                    ? `${unscanned.length} file(s) not scanned`
                    : findings.length > 0
                        ? `${findings.length} finding(s) below ${failOn}`
                        : 'no secrets or PII found',
            conclusion: failing > 0 || unscanned.length > 0 ? 'failure' : findings.length > 0 ? 'neutral' : 'success',
            summary: markdown,
        };
    const selfAllowed = findings.filter((f) => f.inlineAllowAdded).length;
    if (failing > 0) {
        const rulesHit = Object.entries(redactionLog(findings.filter((f) => violations([f], failOn) > 0)).byRule)
            .map(([rule, n]) => `${rule} ×${n}`)
            .join(', ');
        result.failure = `dlp-scan: ${failing} finding(s) at or above '${failOn}' (${rulesHit}); see the annotations and the job summary. Remove the value (and rotate it if it is a credential), or accept it: an inline dlp:allow comment, an allowlist in the rules file, or its fingerprint in the baseline.`;
        if (selfAllowed > 0)
            result.failure += ` ${selfAllowed} of them sit on a line whose dlp:allow this pull request adds: not honoured, because a pull request cannot accept its own finding. A baseline entry (or allowlist) must land in an earlier pull request, reviewed on its own; or a reviewer accepts the risk and merges despite this check.`;
    }
    if (unscanned.length > 0) {
        const names = unscanned
            .slice(0, 5)
            .map((k) => `${k.path} (${k.reason})`)
            .join(', ');
        const more = unscanned.length > 5 ? ` and ${unscanned.length - 5} more` : '';
        const budget = unscanned.some((k) => k.reason === 'rule-budget')
            ? ' A rule stopped for its time budget backtracks super-linearly on that text: rewrite its regex (one repeat per run of the same characters, no repeated group of repeats), or disable it.'
            : '';
        const why = `dlp-scan: ${unscanned.length} file(s) could hold a secret but were not scanned: ${names}${more}. Raise max-file-size, allowlist the path in the rules file (with a comment saying why), or set fail-on-skipped: false.${budget}`;
        result.failure = result.failure ? `${result.failure}\n${why}` : why;
    }
    return result;
}


/***/ }),

/***/ 9426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports parseConfigDocuments, loadConfigFile, pointerToPath */
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
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__.LineCounter();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
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
/**
 * Parses a multi-document YAML stream (Kubernetes manifests, `---` separated); each document keeps
 * positions in the whole file. Empty documents are dropped. A syntax error in any document is a
 * ConfigError at its position.
 */
function parseConfigDocuments(file, text) {
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        strict: true,
    });
    const docs = Array.isArray(parsed) ? parsed : [];
    const toPosition = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const out = [];
    for (const doc of docs) {
        const firstError = doc.errors[0];
        if (firstError) {
            const [line, column] = positionOfError(firstError, lineCounter);
            throw new ConfigError(file, { line, column }, `invalid YAML: ${firstError.message.split('\n')[0]}`);
        }
        // `---` followed directly by `---` gives a document whose only content is an implicit null.
        if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))
            continue;
        out.push({
            file,
            value: doc.toJS({ maxAliasCount: 100 }),
            locate: (path) => toPosition(findNode(doc, path, false)),
            locateKey: (path) => toPosition(findNode(doc, path, true)),
        });
    }
    return out;
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
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__.isMap)(node)) {
            const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__.isPair)(p) && keyOf(p.key) === String(segment));
            if (!pair)
                return offset;
            if (isLast && wantKey)
                return rangeStart(pair.key) ?? offset;
            node = pair.value;
            offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__.isSeq)(node) && typeof segment === 'number') {
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__.isScalar)(key))
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

/***/ 2183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   L7: () => (/* binding */ readGitHubContext),
/* harmony export */   SZ: () => (/* binding */ changeRange)
/* harmony export */ });
/* unused harmony exports GITHUB_RETRIES, withActionsContext */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The one way this repository reaches GitHub: @actions/github's `context` for what the runner says
 * about the job, and its `getOctokit` with octokit's retry and throttling plugins for the REST API,
 * so 5xx answers, rate limits and secondary rate limits (Retry-After) are handled by the library.
 */






const GITHUB_RETRIES = 2;
function githubClient(options) {
    const retries = options.retries ?? GITHUB_RETRIES;
    const timing = options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue };
    const retryWithin = (_retryAfter, _request, _octokit, retryCount) => retryCount < retries;
    const clientOptions = {
        baseUrl: options.apiUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'summit-ops',
        // Octokit logs request failures itself; callers report them once, redacted.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        // 429 is the throttling plugin's: it waits what Retry-After or the rate-limit reset says,
        // where the retry plugin would only back off by its own schedule.
        retry: {
            enabled: retries > 0,
            retries,
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
            ...timing,
        },
        throttle: {
            enabled: retries > 0,
            ...timing,
            ...(options.writeSpacingMs === undefined
                ? {}
                : {
                    write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: options.writeSpacingMs }),
                }),
            onRateLimit: retryWithin,
            onSecondaryRateLimit: retryWithin,
        },
    };
    // getOctokit insists on a token; an anonymous client (public data only) is the same class unauthenticated.
    const client = options.token
        ? (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, clientOptions, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A)
        : new (_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .GitHub */ .gq.plugin(_octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A))(clientOptions);
    const timeoutMs = options.timeoutMs ?? 15_000;
    client.hook.before('request', (request) => {
        request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
    });
    return client;
}
const ActionsContextClass = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.constructor;
/**
 * Reads @actions/github's Context as it is under `env` (the runner's environment, or the one the
 * CLI and tests pass). The Context reads process.env in its constructor and in its `repo` getter,
 * both synchronous, so swapping process.env around `read` cannot interleave with other code.
 */
function withActionsContext(env, read) {
    if (env === process.env)
        return read(new ActionsContextClass());
    const saved = process.env;
    process.env = env;
    try {
        return read(new ActionsContextClass());
    }
    finally {
        process.env = saved;
    }
}
function repositoryOf(ctx) {
    try {
        return `${ctx.repo.owner}/${ctx.repo.repo}`;
    }
    catch {
        return undefined; // outside a runner: no GITHUB_REPOSITORY and no repository in the payload
    }
}
/**
 * What GitHub tells the job, as the plain data `run()` receives. An event file that is named but
 * cannot be read is an error here (the Context would only print a line and carry on with `{}`).
 */
function readGitHubContext(env, token) {
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (eventPath && !(0,node_fs__WEBPACK_IMPORTED_MODULE_3__.existsSync)(eventPath))
        throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): no such file`);
    let ctx;
    let repository;
    try {
        [ctx, repository] = withActionsContext(env, (c) => [c, repositoryOf(c)]);
    }
    catch (error) {
        throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${error.message}`);
    }
    const event = ctx.payload;
    const hasEvent = eventPath !== undefined && eventPath !== '';
    const context = { apiUrl: ctx.apiUrl, serverUrl: ctx.serverUrl };
    const optional = [
        ['token', token],
        ['repository', repository],
        ['sha', headSha(event) ?? ctx.sha],
        ['ref', ctx.ref],
        ['eventName', ctx.eventName],
        ['runId', Number.isNaN(ctx.runId) ? undefined : String(ctx.runId)],
        ['runAttempt', Number.isNaN(ctx.runAttempt) ? undefined : String(ctx.runAttempt)],
        ['actor', ctx.actor],
        // Not (yet) part of @actions/github's Context.
        ['triggeringActor', env['GITHUB_TRIGGERING_ACTOR']],
        ['workflowRef', env['GITHUB_WORKFLOW_REF']],
    ];
    for (const [key, value] of optional)
        if (value)
            context[key] = value;
    if (hasEvent)
        context.event = event;
    return context;
}
/** On pull_request and merge_group events GITHUB_SHA is a merge commit; checks belong on the head. */
function headSha(event) {
    const pr = event['pull_request'];
    const group = event['merge_group'];
    return pr?.head?.sha ?? group?.head_sha;
}
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * The base and head of the change a check is asked about, from the event payload: a pull request
 * (pull_request.base.sha/head.sha) or a merge-queue group (merge_group.base_sha/head_sha, which a
 * required check must also answer, or the queue waits forever). Undefined for every other event.
 * Pure.
 */
function changeRange(github) {
    const event = github.event ?? {};
    if (PULL_REQUEST_EVENTS.has(github.eventName ?? '')) {
        const pr = event['pull_request'];
        if (!pr?.base?.sha || !pr.head?.sha)
            return undefined;
        const range = { kind: 'pull_request', base: pr.base.sha, head: pr.head.sha };
        if (typeof pr.number === 'number')
            range.pullRequest = pr.number;
        return range;
    }
    if (github.eventName === 'merge_group') {
        const group = event['merge_group'];
        if (!group?.base_sha || !group.head_sha)
            return undefined;
        return { kind: 'merge_group', base: group.base_sha, head: group.head_sha };
    }
    return undefined;
}


/***/ }),

/***/ 453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ size),
/* harmony export */   G: () => (/* binding */ InputErrors),
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   q3: () => (/* binding */ httpUrl),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports int, list, camelCase, describe */
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
/**
 * An http(s) URL input, checked before anything runs. The value is never echoed: it may hold
 * credentials. `example` is what a right value looks like.
 */
function httpUrl(input, value, example) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(input, 'not a URL (value not shown: it may hold credentials)', example);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new InputError(input, `scheme '${url.protocol}' is not supported`, 'an http:// or https:// URL');
    return url;
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


/***/ })

};
