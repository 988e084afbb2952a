import { fileURLToPath as __summitFileURLToPath } from 'node:url';
import { dirname as __summitDirname } from 'node:path';
const __filename = __summitFileURLToPath(import.meta.url);
const __dirname = __summitDirname(__filename);
export const id = 4824;
export const ids = [4824];
export const modules = {

/***/ 84824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openKubeReader: () => (/* binding */ openKubeReader)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1425);
/* harmony import */ var _kube_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10546);
/**
 * The @kubernetes/client-node half of kube.ts, loaded only when a step talks to a cluster: the
 * client's HTTP stack (undici 8) needs Node ≥ 22.19, and static mode must also run where it is
 * not (the installed CLI supports Node ≥ 20).
 */


function openKubeReader(kubeconfigFile, timeoutMs) {
    // Every call gets its own deadline; the signal aborts the request, so no socket outlives it.
    // The object-parameter API takes observable middleware (as client-node's own header middleware).
    const bounded = () => ({
        middleware: [
            {
                pre: (context) => {
                    context.setSignal(AbortSignal.timeout(timeoutMs));
                    return new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .Observable */ .cPK(Promise.resolve(context));
                },
                post: (response) => new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .Observable */ .cPK(Promise.resolve(response)),
            },
        ],
        middlewareMergeStrategy: 'append',
    });
    const kc = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .KubeConfig */ .ypW();
    if (kubeconfigFile)
        kc.loadFromFile(kubeconfigFile);
    else
        kc.loadFromDefault();
    const apps = kc.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .AppsV1Api */ .eY6);
    const autoscaling = kc.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .AutoscalingV2Api */ .ffz);
    const core = kc.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .CoreV1Api */ .f5Y);
    return {
        async replicas(namespace, name) {
            try {
                const scale = await apps.readNamespacedDeploymentScale({ name, namespace }, bounded());
                return scale.status?.replicas ?? scale.spec?.replicas ?? 0;
            }
            catch (error) {
                (0,_kube_js__WEBPACK_IMPORTED_MODULE_1__/* .explain */ .WE)(error, 'get', `deployments/${name}/scale`, namespace, timeoutMs);
            }
        },
        async hpa(namespace, name) {
            try {
                const h = await autoscaling.readNamespacedHorizontalPodAutoscalerStatus({ name, namespace }, bounded());
                const out = {};
                if (h.status?.currentReplicas !== undefined)
                    out.current = h.status.currentReplicas;
                if (h.status?.desiredReplicas !== undefined)
                    out.desired = h.status.desiredReplicas;
                return out;
            }
            catch (error) {
                if (error.code === 404)
                    return undefined;
                (0,_kube_js__WEBPACK_IMPORTED_MODULE_1__/* .explain */ .WE)(error, 'get', `horizontalpodautoscalers/${name}`, namespace, timeoutMs);
            }
        },
        async events(namespace, hpaName) {
            try {
                const list = await core.listNamespacedEvent({
                    namespace,
                    fieldSelector: `involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=${hpaName}`,
                }, bounded());
                return list.items.map((e) => ({
                    at: (e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? new Date(0)).toString(),
                    type: e.type ?? '',
                    reason: e.reason ?? '',
                    message: e.message ?? '',
                    count: e.count ?? 1,
                }));
            }
            catch (error) {
                (0,_kube_js__WEBPACK_IMPORTED_MODULE_1__/* .explain */ .WE)(error, 'list', 'events', namespace, timeoutMs);
            }
        },
    };
}


/***/ })

};
