export const id = 597;
export const ids = [597];
export const modules = {

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const Range = __webpack_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const parse = __webpack_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 5574:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const Range = __webpack_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  installTools: () => (/* binding */ installTools),
  npmPackageVersion: () => (/* binding */ npmPackageVersion),
  startPathProbes: () => (/* binding */ startPathProbes),
  versionIn: () => (/* binding */ versionIn)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/semver/functions/satisfies.js
var satisfies = __webpack_require__(8011);
var satisfies_default = /*#__PURE__*/__webpack_require__.n(satisfies);
;// CONCATENATED MODULE: ./src/external/npm.ts
class Npm {
    exec;
    timeoutMs;
    constructor(exec, timeoutMs) {
        this.exec = exec;
        this.timeoutMs = timeoutMs;
    }
    /** argv of installing one local tarball into `prefix`: no lifecycle scripts, no dev dependencies, no audit. */
    static installArgs(prefix, tarball, registry) {
        return [
            'install',
            '--prefix',
            prefix,
            '--omit=dev',
            '--ignore-scripts',
            '--no-audit',
            '--no-fund',
            '--no-package-lock',
            '--no-update-notifier',
            ...(registry ? ['--registry', registry] : []),
            tarball,
        ];
    }
    async installTarball(prefix, tarball, registry) {
        return this.exec.run('npm', Npm.installArgs(prefix, tarball, registry), {
            timeoutMs: this.timeoutMs,
            // npm's own settings (a registry, a cache, a proxy), nothing else of ours
            pass: [/^npm_config_/i, 'NODE_OPTIONS'],
            fix: 'see npm output above; behind a firewall set tool-mirror to a registry mirror',
        });
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./node_modules/semver/ranges/max-satisfying.js
var max_satisfying = __webpack_require__(5574);
var max_satisfying_default = /*#__PURE__*/__webpack_require__.n(max_satisfying);
// EXTERNAL MODULE: ./node_modules/semver/functions/valid.js
var valid = __webpack_require__(8780);
var valid_default = /*#__PURE__*/__webpack_require__.n(valid);
// EXTERNAL MODULE: ./src/domain.ts
var domain = __webpack_require__(9375);
;// CONCATENATED MODULE: ./src/tools/catalog.json
const catalog_namespaceObject = /*#__PURE__*/JSON.parse('{"$comment":"Data, not code: the CLIs this action installs (ADR 0011). sha256 values are copied from public sources listed in docs/adr/0011-tool-installation.md; an entry with \\"verify\\": \\"checksum-file\\" is checked at install time against the release\'s published checksum file. Refresh with `npm run tools:update` (needs internet).","schema":1,"tools":{"flyctl":{"description":"Fly.io CLI","home":"https://github.com/superfly/flyctl/releases","default":"0.4.87","accept":">=0.3.0 <1.0.0","versionArgs":["version"],"platforms":{"linux-x64":{"url":"https://github.com/superfly/flyctl/releases/download/v{version}/flyctl_{version}_Linux_x86_64.tar.gz","format":"tar.gz","path":"flyctl"},"linux-arm64":{"url":"https://github.com/superfly/flyctl/releases/download/v{version}/flyctl_{version}_Linux_arm64.tar.gz","format":"tar.gz","path":"flyctl"},"darwin-x64":{"url":"https://github.com/superfly/flyctl/releases/download/v{version}/flyctl_{version}_macOS_x86_64.tar.gz","format":"tar.gz","path":"flyctl"},"darwin-arm64":{"url":"https://github.com/superfly/flyctl/releases/download/v{version}/flyctl_{version}_macOS_arm64.tar.gz","format":"tar.gz","path":"flyctl"},"windows-x64":{"url":"https://github.com/superfly/flyctl/releases/download/v{version}/flyctl_{version}_Windows_x86_64.zip","format":"zip","path":"flyctl.exe"},"windows-arm64":{"url":"https://github.com/superfly/flyctl/releases/download/v{version}/flyctl_{version}_Windows_arm64.zip","format":"zip","path":"flyctl.exe"}},"versions":{"0.4.87":{"linux-x64":{"sha256":"c5d0e5b058c551c62612a608d31181353a6bef808283bede80e3f0dd838f277c"},"linux-arm64":{"verify":"checksum-file","checksums":"https://github.com/superfly/flyctl/releases/download/v0.4.87/checksums.txt"},"darwin-x64":{"sha256":"f76d9a4816996997dbf55cb12d7c4016f7cffcd840387942a9fc7605cc437742"},"darwin-arm64":{"sha256":"cd212df04d47d54e9e40b1fd1c5f4363a9717eda76a313b170aac47c23234a59"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/superfly/flyctl/releases/download/v0.4.87/checksums.txt"},"windows-arm64":{"verify":"checksum-file","checksums":"https://github.com/superfly/flyctl/releases/download/v0.4.87/checksums.txt"}},"0.3.87":{"linux-x64":{"sha256":"bfc4a99e73b1322af8efd2f2695139ef46c3b5bb1095876bf4918beda3bae6df"},"linux-arm64":{"verify":"checksum-file","checksums":"https://github.com/superfly/flyctl/releases/download/v0.3.87/checksums.txt"},"darwin-x64":{"sha256":"a1202ec37ebff9f8a8d775862431d27d07b969d2085207c95aa8ea3faf62d24a"},"darwin-arm64":{"sha256":"d0b1cc17f2ea1b949fe16ff1ccf9424a3f596c9efa896cf9e974d90af40f7bd6"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/superfly/flyctl/releases/download/v0.3.87/checksums.txt"},"windows-arm64":{"verify":"checksum-file","checksums":"https://github.com/superfly/flyctl/releases/download/v0.3.87/checksums.txt"}}}},"kubectl":{"description":"Kubernetes CLI","home":"https://kubernetes.io/releases/download/","default":"1.32.13","accept":">=1.31.0 <1.34.0","versionArgs":["version","--client"],"platforms":{"linux-x64":{"url":"https://dl.k8s.io/release/v{version}/bin/linux/amd64/kubectl","format":"raw","path":"kubectl"},"linux-arm64":{"url":"https://dl.k8s.io/release/v{version}/bin/linux/arm64/kubectl","format":"raw","path":"kubectl"},"darwin-x64":{"url":"https://dl.k8s.io/release/v{version}/bin/darwin/amd64/kubectl","format":"raw","path":"kubectl"},"darwin-arm64":{"url":"https://dl.k8s.io/release/v{version}/bin/darwin/arm64/kubectl","format":"raw","path":"kubectl"},"windows-x64":{"url":"https://dl.k8s.io/release/v{version}/bin/windows/amd64/kubectl.exe","format":"raw","path":"kubectl.exe"},"windows-arm64":{"url":"https://dl.k8s.io/release/v{version}/bin/windows/arm64/kubectl.exe","format":"raw","path":"kubectl.exe"}},"versions":{"1.32.13":{"linux-x64":{"sha256":"db2ae479a63f3665d7f704ab18c0d4d4050144237980763221835b7305703c4c"},"linux-arm64":{"sha256":"b1f87f196633a89208546d79bfa4e2470bda70e7bf42c4d3adb008ec208da9d1"},"darwin-x64":{"sha256":"925e89bdf7e30d9a356625b3b368b93261300cdee6c053935eb50ed9e657e769"},"darwin-arm64":{"sha256":"97c78912825a83e91c67fdae588a5a26dec53d58370210c78612dec04a71fc21"},"windows-x64":{"verify":"checksum-file","checksums":"https://dl.k8s.io/release/v1.32.13/bin/windows/amd64/kubectl.exe.sha256"},"windows-arm64":{"verify":"checksum-file","checksums":"https://dl.k8s.io/release/v1.32.13/bin/windows/arm64/kubectl.exe.sha256"}},"1.32.12":{"linux-x64":{"sha256":"adac5674d19f47ed3f0620bfeb1932d3d5f4557d49f311f6f65b6b75e0721ee1"},"linux-arm64":{"sha256":"86fa465134c54de6202d89d41eb89504810236cc968e1402a31f3674f66ffdbd"},"darwin-x64":{"sha256":"784afed9df776945578dc3be1fc1fa4154badbee5699c2954bd0643315ce00aa"},"darwin-arm64":{"sha256":"2e59daf8dc865e68ce61a0e00a97ac0fb900fc250c6c25355f7592c3d6cf8ab7"},"windows-x64":{"verify":"checksum-file","checksums":"https://dl.k8s.io/release/v1.32.12/bin/windows/amd64/kubectl.exe.sha256"},"windows-arm64":{"verify":"checksum-file","checksums":"https://dl.k8s.io/release/v1.32.12/bin/windows/arm64/kubectl.exe.sha256"}},"1.33.9":{"linux-x64":{"sha256":"9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"},"linux-arm64":{"sha256":"af4dc943a6f447ecb070340efe63c7f8ee2808e6c0bc42126efe7cde0cc1e69b"},"darwin-x64":{"sha256":"26b2eafcfafaf9fae8d3a5e280571ebdbf46d5f90dffe43e71fd6c721a1fd372"},"darwin-arm64":{"sha256":"9699c9369a2ed65e73e9721b14d88ac14be27858c558dfb6e813503b93cd7056"},"windows-x64":{"verify":"checksum-file","checksums":"https://dl.k8s.io/release/v1.33.9/bin/windows/amd64/kubectl.exe.sha256"},"windows-arm64":{"verify":"checksum-file","checksums":"https://dl.k8s.io/release/v1.33.9/bin/windows/arm64/kubectl.exe.sha256"}}}},"devpod":{"description":"DevPod CLI","home":"https://github.com/loft-sh/devpod/releases","default":"0.6.15","accept":">=0.6.0 <0.7.0","versionArgs":["version"],"platforms":{"linux-x64":{"url":"https://github.com/loft-sh/devpod/releases/download/v{version}/devpod-linux-amd64","format":"raw","path":"devpod"},"linux-arm64":{"url":"https://github.com/loft-sh/devpod/releases/download/v{version}/devpod-linux-arm64","format":"raw","path":"devpod"},"darwin-x64":{"url":"https://github.com/loft-sh/devpod/releases/download/v{version}/devpod-darwin-amd64","format":"raw","path":"devpod"},"darwin-arm64":{"url":"https://github.com/loft-sh/devpod/releases/download/v{version}/devpod-darwin-arm64","format":"raw","path":"devpod"}},"versions":{"0.6.15":{"linux-x64":{"sha256":"cc50bce09229d5a6d448ac1d4494327f4b8f7a20321e5fcee3bfec1aef0d20c5"},"linux-arm64":{"sha256":"9226161e0c9f5a45d0f8d1778f940498e787b650f0e0fcf3c29f1f67e7a3f272"},"darwin-x64":{"sha256":"1205fc8626d9daa011479ded3ce7271359714f0d011acfcf739adf90901a6ee8"},"darwin-arm64":{"sha256":"0c50934f4199732ff37e89708bc5c028ecda75d854a151cb2644e4ba39f4d7f7"}}}},"kind":{"description":"kind (Kubernetes in Docker), to load a locally built image into a kind-* cluster","home":"https://github.com/kubernetes-sigs/kind/releases","default":"0.30.0","accept":">=0.29.0 <1.0.0","versionArgs":["version"],"platforms":{"linux-x64":{"url":"https://github.com/kubernetes-sigs/kind/releases/download/v{version}/kind-linux-amd64","format":"raw","path":"kind"},"linux-arm64":{"url":"https://github.com/kubernetes-sigs/kind/releases/download/v{version}/kind-linux-arm64","format":"raw","path":"kind"},"darwin-x64":{"url":"https://github.com/kubernetes-sigs/kind/releases/download/v{version}/kind-darwin-amd64","format":"raw","path":"kind"},"darwin-arm64":{"url":"https://github.com/kubernetes-sigs/kind/releases/download/v{version}/kind-darwin-arm64","format":"raw","path":"kind"},"windows-x64":{"url":"https://github.com/kubernetes-sigs/kind/releases/download/v{version}/kind-windows-amd64","format":"raw","path":"kind.exe"}},"versions":{"0.30.0":{"linux-x64":{"sha256":"517ab7fc89ddeed5fa65abf71530d90648d9638ef0c4cde22c2c11f8097b8889"},"linux-arm64":{"sha256":"7ea2de9d2d190022ed4a8a4e3ac0636c8a455e460b9a13ccf19f15d07f4f00eb"},"darwin-x64":{"sha256":"4f0b6e3b88bdc66d922c08469f05ef507d4903dd236e6319199bb9c868eed274"},"darwin-arm64":{"sha256":"ceaf40df1d1551c481fb50e3deb5c3deecad5fd599df5469626b70ddf52a1518"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/kubernetes-sigs/kind/releases/download/v0.30.0/kind-windows-amd64.sha256sum"}},"0.29.0":{"linux-x64":{"sha256":"c72eda46430f065fb45c5f70e7c957cc9209402ef309294821978677c8fb3284"},"linux-arm64":{"sha256":"03d45095dbd9cc1689f179a3e5e5da24b77c2d1b257d7645abf1b4174bebcf2a"},"darwin-x64":{"sha256":"3eb0d4de25b854f34ea8ce8a3cbe15054fc03bc962b03e96fd10664b829fb6ed"},"darwin-arm64":{"sha256":"314d8f1428842fd1ba2110fd0052a0f0b3ab5773ab1bdcdad1ff036e913310c9"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/kubernetes-sigs/kind/releases/download/v0.29.0/kind-windows-amd64.sha256sum"}}}},"k3d":{"description":"k3d, to import a locally built image into a k3d-* cluster","home":"https://github.com/k3d-io/k3d/releases","default":"5.8.3","accept":">=5.6.0 <6.0.0","versionArgs":["version"],"platforms":{"linux-x64":{"url":"https://github.com/k3d-io/k3d/releases/download/v{version}/k3d-linux-amd64","format":"raw","path":"k3d"},"linux-arm64":{"url":"https://github.com/k3d-io/k3d/releases/download/v{version}/k3d-linux-arm64","format":"raw","path":"k3d"},"darwin-x64":{"url":"https://github.com/k3d-io/k3d/releases/download/v{version}/k3d-darwin-amd64","format":"raw","path":"k3d"},"darwin-arm64":{"url":"https://github.com/k3d-io/k3d/releases/download/v{version}/k3d-darwin-arm64","format":"raw","path":"k3d"},"windows-x64":{"url":"https://github.com/k3d-io/k3d/releases/download/v{version}/k3d-windows-amd64.exe","format":"raw","path":"k3d.exe"}},"versions":{"5.8.3":{"linux-x64":{"sha256":"dbaa79a76ace7f4ca230a1ff41dc7d8a5036a8ad0309e9c54f9bf3836dbe853e"},"linux-arm64":{"sha256":"0b8110f2229631af7402fb828259330985918b08fefd38b7f1b788a1c8687216"},"darwin-x64":{"sha256":"fd0f8e9e8ea4d8bc3674572ca6ed0833b639bf57c43c708616d937377324cfea"},"darwin-arm64":{"sha256":"8da468daa7dc7cf7cdd4735f90a9bb05179fa27858250f62e3d8cdf5b5ca0698"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/k3d-io/k3d/releases/download/v5.8.3/checksums.txt"}},"5.8.2":{"linux-x64":{"sha256":"7e92e883f2457aa8702f9f504a772fadec3ef3f9d678f929b2b8e05f3910a30c"},"linux-arm64":{"sha256":"8134a7047afb3ed7aa32b7a967bc299dbe3abe640bab27fc9d2c9328b2361bbf"},"darwin-x64":{"sha256":"51fcb8208408bca3d476679a1a673fe47820cf134b650ef4583d710316896a1f"},"darwin-arm64":{"sha256":"72d488935c962ff8c01708e288f426e78e05df34b14062e8fdd4e9f6661cd378"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/k3d-io/k3d/releases/download/v5.8.2/checksums.txt"}}}},"cosign":{"description":"Sigstore cosign, to verify image signatures and provenance","home":"https://github.com/sigstore/cosign/releases","default":"2.5.3","accept":">=2.4.0 <3.0.0","versionArgs":["version"],"platforms":{"linux-x64":{"url":"https://github.com/sigstore/cosign/releases/download/v{version}/cosign-linux-amd64","format":"raw","path":"cosign"},"linux-arm64":{"url":"https://github.com/sigstore/cosign/releases/download/v{version}/cosign-linux-arm64","format":"raw","path":"cosign"},"darwin-x64":{"url":"https://github.com/sigstore/cosign/releases/download/v{version}/cosign-darwin-amd64","format":"raw","path":"cosign"},"darwin-arm64":{"url":"https://github.com/sigstore/cosign/releases/download/v{version}/cosign-darwin-arm64","format":"raw","path":"cosign"},"windows-x64":{"url":"https://github.com/sigstore/cosign/releases/download/v{version}/cosign-windows-amd64.exe","format":"raw","path":"cosign.exe"}},"versions":{"2.5.3":{"linux-x64":{"sha256":"783b5d6c74105401c63946c68d9b2a4e1aab3c8abce043e06b8510b02b623ec9"},"linux-arm64":{"sha256":"bffabe4cf183122b7de3111257a863c99e7dc6cf1093bfd7bf961de1795589b8"},"darwin-x64":{"sha256":"172731b1c2575dd76069a87d4d17312fd027fe0947e45e4a9ba9b915877e0ed0"},"darwin-arm64":{"sha256":"86e0cad94d0da4c0dab5e26672ede71447a08a0f0d8495b9381c117df27d7d09"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/sigstore/cosign/releases/download/v2.5.3/cosign_checksums.txt"}},"2.6.1":{"linux-x64":{"sha256":"064954c5d8c7e3b28188eee5b1727b31c411550bc5fefd41aa672d3c761d103a"},"linux-arm64":{"sha256":"56a16480bdd56ec789abaa65924402f6b92c0041f06885995853c05567b76f34"},"darwin-x64":{"sha256":"f1ed2787cc9648fd3c644fcb279e43f3f55da63b788d69a527aa14ad97ffdca1"},"darwin-arm64":{"sha256":"54047052cf46f40a5c3c95a510db276e164ba77e096aea1ca1b733f770359689"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/sigstore/cosign/releases/download/v2.6.1/cosign_checksums.txt"}}}},"compose":{"description":"Docker Compose v2 CLI plugin, where the runner\'s Docker lacks it","home":"https://github.com/docker/compose/releases","default":"2.39.3","accept":">=2.20.0 <3.0.0","versionArgs":["version"],"dockerPlugin":"compose","platforms":{"linux-x64":{"url":"https://github.com/docker/compose/releases/download/v{version}/docker-compose-linux-x86_64","format":"raw","path":"docker-compose"},"linux-arm64":{"url":"https://github.com/docker/compose/releases/download/v{version}/docker-compose-linux-aarch64","format":"raw","path":"docker-compose"},"darwin-x64":{"url":"https://github.com/docker/compose/releases/download/v{version}/docker-compose-darwin-x86_64","format":"raw","path":"docker-compose"},"darwin-arm64":{"url":"https://github.com/docker/compose/releases/download/v{version}/docker-compose-darwin-aarch64","format":"raw","path":"docker-compose"},"windows-x64":{"url":"https://github.com/docker/compose/releases/download/v{version}/docker-compose-windows-x86_64.exe","format":"raw","path":"docker-compose.exe"},"windows-arm64":{"url":"https://github.com/docker/compose/releases/download/v{version}/docker-compose-windows-aarch64.exe","format":"raw","path":"docker-compose.exe"}},"versions":{"2.39.3":{"linux-x64":{"sha256":"065836e21bce25674d2876dc64321ac707808fcd120e1c3ba700b0ce5ce8ff16"},"linux-arm64":{"sha256":"1607ff1b288ea5acd93d6a2c5a4f53ecd1e237e6e17e7babb0f540a24d667f33"},"darwin-x64":{"sha256":"feba1c33a20aa4ae0fcc5e0d7cffd57ebe2998aa27b5c45619404345f9ee9b99"},"darwin-arm64":{"sha256":"b3e20de59b25394e88ca9cf90be33c98e02d92fac86ca6a08d5832825be0c577"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/docker/compose/releases/download/v2.39.3/checksums.txt"},"windows-arm64":{"verify":"checksum-file","checksums":"https://github.com/docker/compose/releases/download/v2.39.3/checksums.txt"}},"2.38.2":{"linux-x64":{"sha256":"486b3ffc0f806ca2efbc430cef89955386011662f0c76bad17c103d059cfa9cf"},"linux-arm64":{"sha256":"4d0f7678dd3338452beba4518e36a8e22b20cad79ba2535c687da554dc3997fb"},"darwin-x64":{"sha256":"2d7ff934f88be52da45e86e5efca286bb879589c0310b025c3c7afd09dfdc82e"},"darwin-arm64":{"sha256":"d3af9d008da340f355df89d16361a6c19a363c33e7b7ab145a81b76aa2ed9b86"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/docker/compose/releases/download/v2.38.2/checksums.txt"},"windows-arm64":{"verify":"checksum-file","checksums":"https://github.com/docker/compose/releases/download/v2.38.2/checksums.txt"}}}},"buildx":{"description":"Docker buildx CLI plugin, where the runner\'s Docker lacks it and the image is built","home":"https://github.com/docker/buildx/releases","default":"0.26.1","accept":">=0.10.0 <1.0.0","versionArgs":["version"],"dockerPlugin":"buildx","platforms":{"linux-x64":{"url":"https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.linux-amd64","format":"raw","path":"docker-buildx"},"linux-arm64":{"url":"https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.linux-arm64","format":"raw","path":"docker-buildx"},"darwin-x64":{"url":"https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.darwin-amd64","format":"raw","path":"docker-buildx"},"darwin-arm64":{"url":"https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.darwin-arm64","format":"raw","path":"docker-buildx"},"windows-x64":{"url":"https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.windows-amd64.exe","format":"raw","path":"docker-buildx.exe"},"windows-arm64":{"url":"https://github.com/docker/buildx/releases/download/v{version}/buildx-v{version}.windows-arm64.exe","format":"raw","path":"docker-buildx.exe"}},"versions":{"0.26.1":{"linux-x64":{"sha256":"9451034b6ca5354e8bf88a2002a413aedabf110fd0f12ebb0b2f2cc241be8e41"},"linux-arm64":{"sha256":"b610d3c24836b2e7fecab5ef2c9466239a0f0156993a0406ea58943b87bff918"},"darwin-x64":{"sha256":"71e928b68899a04c441d0b17d698d4de9b1f587aafeb825f8039d778adb54051"},"darwin-arm64":{"sha256":"e53c0cf2cbd5d6518292ba083664333bec38b540c57d1c4e23bfa1808fb84921"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/docker/buildx/releases/download/v0.26.1/checksums.txt"},"windows-arm64":{"verify":"checksum-file","checksums":"https://github.com/docker/buildx/releases/download/v0.26.1/checksums.txt"}},"0.25.0":{"linux-x64":{"sha256":"4104d79a791a8744c0b43fd5bd0a6172dff29040c5229946a1cdb2d27b0b5bfa"},"linux-arm64":{"sha256":"f07063844bb750172c1f25cef61b07a8314d24bedffc015517b3ec4016b16de8"},"darwin-x64":{"sha256":"3797a9749b0580e18d43a0980bd2befbec303b0aa231caac89ca6fc2deb31481"},"darwin-arm64":{"sha256":"c55433ea17e12d9dba236c424cc0da616f72c6a81ded1825229013ced72460e5"},"windows-x64":{"verify":"checksum-file","checksums":"https://github.com/docker/buildx/releases/download/v0.25.0/checksums.txt"},"windows-arm64":{"verify":"checksum-file","checksums":"https://github.com/docker/buildx/releases/download/v0.25.0/checksums.txt"}}}},"e2b":{"description":"E2B CLI (npm)","home":"https://www.npmjs.com/package/@e2b/cli","default":"2.19.0","accept":"^2.19.0","versionArgs":["--version"],"npm":{"package":"@e2b/cli","bin":"e2b","main":"dist/index.js"},"versions":{"2.19.0":{"tarball":"https://registry.npmjs.org/@e2b/cli/-/cli-2.19.0.tgz","integrity":"sha512-/v9xE+0NSVBM/xghJX7MoEK3hrAQgcnllw8tv5pDhvZ8rT9x6b+SD66yBLAh/9u+xBikhpJnsPt89HjFAhzroA=="}}},"devcontainer":{"description":"Dev Containers CLI (npm)","home":"https://www.npmjs.com/package/@devcontainers/cli","default":"0.89.0","accept":"^0.89.0","versionArgs":["--version"],"npm":{"package":"@devcontainers/cli","bin":"devcontainer","main":"devcontainer.js"},"versions":{"0.89.0":{"tarball":"https://registry.npmjs.org/@devcontainers/cli/-/cli-0.89.0.tgz","integrity":"sha512-LzaoOGKQ/Zql6PsiZ4hVIYVZagzWkD65aG/1ou5/Kly5Y1PtjLg1yn7qu+LZCzVoAl6DZZ/pbz8qOO4RLNlqMg=="}}}}}');
// EXTERNAL MODULE: ./src/tools/validate.ts
var validate = __webpack_require__(4745);
;// CONCATENATED MODULE: ./src/tools/catalog.ts
/**
 * The tool catalog (catalog.json, ADR 0011) typed, and the pure lookups over it: which platform this
 * is, which version a spec selects, which asset and checksum belong to it, and where a mirror puts it.
 * SINDRI_TOOL_CATALOG may name another catalog file (tests, air-gapped mirrors with their own builds).
 */








const OSES = (/* unused pure expression or super */ null && (['linux', 'darwin', 'windows']));
const ARCHES = (/* unused pure expression or super */ null && (['x64', 'arm64']));
const FORMATS = ['tar.gz', 'zip', 'raw'];
const isNpmTool = (t) => 'npm' in t;
/**
 * The bundled catalog, or the file SINDRI_TOOL_CATALOG names (checked as strictly as a config). The
 * override replaces the checksums this action ships with the file's own: every run that uses it says
 * so in a warning naming the file (ADR 0011), so it can never replace the pins unnoticed.
 */
function loadCatalog(env = process.env) {
    const file = env.SINDRI_TOOL_CATALOG;
    if (!file)
        return catalog_namespaceObject;
    (0,runner/* warning */.$e)(`the tool catalog is replaced by ${file} (env SINDRI_TOOL_CATALOG): downloads are checked against its sha256 sums, not the bundled ones`, {
        title: 'tool catalog',
    });
    let data;
    try {
        data = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (e) {
        throw new errors/* ActionError */.lZ(`cannot read the tool catalog ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, {
            where: { field: 'env SINDRI_TOOL_CATALOG' },
            fix: 'point it at a JSON file shaped like src/tools/catalog.json, or unset it to use the bundled catalog',
        });
    }
    return validateCatalog(data, file);
}
/** Shape check of a catalog; the first problem is one error line naming the file and the key. */
function validateCatalog(data, file) {
    const bad = (key, what) => {
        throw new errors/* ActionError */.lZ(`tool catalog ${file}: ${key}: ${what}`, {
            where: { field: 'env SINDRI_TOOL_CATALOG' },
            fix: 'fix the file (see src/tools/catalog.json and docs/adr/0011-tool-installation.md for the shape)',
        });
    };
    const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!obj(data) || data.schema !== 1 || !obj(data.tools))
        bad('schema', 'expected { "schema": 1, "tools": { … } }');
    const tools = data.tools;
    for (const [name, t] of Object.entries(tools)) {
        if (!domain/* TOOLS */.It.includes(name))
            bad(`tools.${name}`, `unknown tool (known: ${domain/* TOOLS */.It.join(', ')})`);
        if (!obj(t))
            return bad(`tools.${name}`, 'expected an object');
        for (const k of ['default', 'accept'])
            if (typeof t[k] !== 'string')
                bad(`tools.${name}.${k}`, 'expected a string');
        if (!Array.isArray(t.versionArgs))
            bad(`tools.${name}.versionArgs`, 'expected an array of strings');
        if (!obj(t.versions) || Object.keys(t.versions).length === 0)
            return bad(`tools.${name}.versions`, 'expected at least one version');
        if (!(String(t.default) in t.versions))
            bad(`tools.${name}.default`, `${String(t.default)} is not one of its versions`);
        for (const [v, entry] of Object.entries(t.versions)) {
            if (valid_default()(v) !== v)
                bad(`tools.${name}.versions.${v}`, 'not a semver version');
            if (!obj(entry))
                return bad(`tools.${name}.versions.${v}`, 'expected an object');
            if ('npm' in t) {
                if (typeof entry.tarball !== 'string' || !/^sha512-[A-Za-z0-9+/]+=*$/.test(String(entry.integrity)))
                    bad(`tools.${name}.versions.${v}`, 'expected { tarball, integrity: "sha512-…" }');
                continue;
            }
            for (const [p, c] of Object.entries(entry)) {
                if (!obj(c))
                    return bad(`tools.${name}.versions.${v}.${p}`, 'expected an object');
                const pinned = typeof c.sha256 === 'string' && /^[a-f0-9]{64}$/.test(c.sha256);
                const file = c.verify === 'checksum-file' && typeof c.checksums === 'string' && /^https?:\/\//.test(c.checksums);
                if (!pinned && !file)
                    bad(`tools.${name}.versions.${v}.${p}`, 'expected { "sha256": "<64 hex>" } or { "verify": "checksum-file", "checksums": "<url>" }');
            }
        }
        if (!('npm' in t)) {
            if (!obj(t.platforms))
                return bad(`tools.${name}.platforms`, 'expected an object');
            for (const [p, a] of Object.entries(t.platforms)) {
                if (!obj(a) ||
                    typeof a.url !== 'string' ||
                    typeof a.path !== 'string' ||
                    !FORMATS.includes(String(a.format)))
                    bad(`tools.${name}.platforms.${p}`, `expected { url, format (${FORMATS.join(', ')}), path }`);
            }
        }
    }
    return data;
}
/** Node's platform/arch → the catalog's key; anything else is one error line. */
function platformKey(platform = process.platform, arch = process.arch) {
    const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[platform];
    const a = { x64: 'x64', arm64: 'arm64' }[arch];
    if (!os || !a) {
        throw new errors/* ActionError */.lZ(`this runner's platform ${platform}/${arch} is not one the action installs tools for`, {
            where: { field: 'runs-on' },
            fix: `run on Linux, macOS or Windows with x64 or arm64, or put the tools on PATH before this step`,
        });
    }
    return `${os}-${a}`;
}
function catalogTool(catalog, tool) {
    const t = catalog.tools[tool];
    if (!t) {
        throw new errors/* ActionError */.lZ(`the tool catalog has no entry for ${tool}`, {
            where: { field: 'env SINDRI_TOOL_CATALOG' },
            fix: `add ${tool} to the catalog file, or unset SINDRI_TOOL_CATALOG to use the bundled one`,
        });
    }
    return t;
}
/** No spec: the catalog's default. An exact version must be in the catalog; a range takes the highest it allows. */
function selectVersion(tool, entry, spec) {
    if (spec === undefined)
        return entry.default;
    const known = Object.keys(entry.versions);
    const chosen = spec in entry.versions ? spec : max_satisfying_default()(known, spec);
    if (chosen)
        return chosen;
    throw new errors/* ActionError */.lZ(`${tool} version "${spec}" is not in the tool catalog (it has ${known.join(', ')})`, {
        where: { field: `input ${tool}-version` },
        fix: `use one of ${known.join(', ')} (or a range that includes one), put ${tool} ${spec} on PATH before this step, or add it with npm run tools:update`,
    });
}
function assetFor(tool, entry, version, platform) {
    const a = entry.platforms[platform];
    const checksum = entry.versions[version]?.[platform];
    if (!a || !checksum) {
        const has = Object.keys(entry.versions[version] ?? {}).join(', ') || 'none';
        throw new errors/* ActionError */.lZ(`${tool} ${version} has no build for ${platform} in the tool catalog (it has ${has})`, {
            where: { field: `input ${tool}-version` },
            fix: `run on one of those platforms, or put ${tool} on PATH before this step`,
        });
    }
    return { ...a, url: a.url.replaceAll('{version}', version), version, platform, checksum };
}
/** The mirror replaces the origin; the path (and query) below it stay: `https://mirror/x` + `/sigstore/cosign/…`. */
function mirrored(url, mirror) {
    if (!mirror)
        return url;
    const u = new URL(url);
    return `${mirror}${u.pathname}${u.search}`;
}
/** For messages, the summary and `result`: no credentials, no query (signed URLs carry tokens there). */
function displayUrl(url) {
    return (0,validate/* redactUserinfo */.PM)(url).replace(/[?#].*$/, '');
}
/** The name a tool answers to on PATH (`docker-compose`, `kubectl`, `e2b`). */
function commandName(tool, entry, platform) {
    if (isNpmTool(entry))
        return entry.npm.bin;
    if (entry.dockerPlugin)
        return `docker-${entry.dockerPlugin}`;
    const asset = entry.platforms[platform];
    const base = asset ? (asset.path.split('/').pop() ?? tool) : tool;
    return base.replace(/\.exe$/i, '');
}

;// CONCATENATED MODULE: ./src/tools/checksum.ts
/** sha256 of a download, the published checksum files it may be checked against, and npm's SRI integrity. */


async function fileDigest(file, algorithm) {
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest();
}
/**
 * The sha256 a published checksum file gives for `asset`: a lone hash (`kubectl.sha256`), or
 * `sha256sum` lines `<hash>  [*]<name>` where the name may carry a directory (`_dist/k3d-linux-amd64`).
 */
function checksumFor(text, asset) {
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    if (lines.length === 1 && /^[a-f0-9]{64}$/i.test(lines[0]))
        return lines[0].toLowerCase();
    for (const l of lines) {
        const m = /^([a-f0-9]{64})\s+\*?(.+)$/i.exec(l);
        if (m && m[2].trim().split('/').pop() === asset)
            return m[1].toLowerCase();
    }
    return undefined;
}
/** `sha512-<base64>` → algorithm and hex, for comparing with fileDigest. */
function parseIntegrity(integrity) {
    const m = /^sha512-([A-Za-z0-9+/]+=*)$/.exec(integrity);
    if (!m)
        throw new Error(`unsupported integrity ${integrity}`);
    return { algorithm: 'sha512', hex: Buffer.from(m[1], 'base64').toString('hex') };
}

// EXTERNAL MODULE: ./src/tools/which.ts
var which = __webpack_require__(9234);
;// CONCATENATED MODULE: ./src/tools/install.ts
/**
 * The install phase (docs/behaviour.md#tool-installation, ADR 0011). For each tool the run needs, in
 * this order: on PATH at a satisfying version (`<tool>-version`, else the catalog's accepted range; read
 * with `<tool> version`) → the runner's tool cache (`tc.find`) → download (`tc.downloadTool`, its
 * retries, within the run's deadline) → sha256 (pinned in the catalog, or from the release's checksum
 * file) or npm integrity → extract → `tc.cacheDir`/`cacheFile` → `core.addPath`. A mismatch fails with
 * both sums and caches nothing. `plan` reports where each tool would come from and installs nothing.
 */











/** A probe's lines: held while it runs ahead of its phase, printed once the phase reports it, then as they come. */
class ProbeLog {
    held;
    constructor(hold) {
        this.held = hold ? [] : undefined;
    }
    write = (line) => {
        if (this.held)
            this.held.push(line);
        else
            (0,runner/* info */.pq)(line);
    };
    release() {
        const lines = this.held ?? [];
        this.held = undefined;
        for (const l of lines)
            (0,runner/* info */.pq)(l);
    }
}
/**
 * Start the PATH version probes (`<tool> version`) of `tools` before their phase, so that they run
 * beside what comes first (loading the provider, resolving and verifying the image) instead of after
 * it (issue 25). Nothing is printed until `installTools` reports them; a tool not on PATH starts nothing.
 */
function startPathProbes(tools, opts) {
    return new Map(tools.map((t) => {
        const p = probe(t, opts, true);
        p.found.catch(() => undefined); // its failure is reported when the phase awaits it, not as an unhandled rejection
        return [t, p];
    }));
}
function probe(tool, opts, hold) {
    const log = new ProbeLog(hold);
    const catalog = opts.catalog ?? loadCatalog();
    // PATH lookups only need file names (`.exe` or not); an unsupported platform matters once something
    // has to come from the cache or a download
    const namingPlatform = opts.platform ?? (process.platform === 'win32' ? 'windows-x64' : 'linux-x64');
    const found = fromPath(opts.exec, tool, catalogTool(catalog, tool), namingPlatform, opts.inputs['tool-versions'][tool], opts.pathEnv, log.write);
    return { log, found };
}
const VERSION_PROBE_MS = 15_000;
const NPM_INSTALL_MS = 300_000;
/** Resolve (and outside plan, install) every needed tool; one status per tool for `result` and the summary. */
async function installTools(opts) {
    const catalog = opts.catalog ?? loadCatalog();
    const out = [];
    if (opts.needs.length === 0)
        return out;
    // the PATH probes (`<tool> version`) run side by side: a plan waits for the slowest, not the sum;
    // those started earlier print what they ran first, in the order of the needs
    const probes = opts.needs.map((n) => opts.probes?.get(n.tool) ?? probe(n.tool, { ...opts, catalog }, false));
    for (const p of probes)
        p.log.release();
    const onPath = await Promise.all(probes.map((p) => p.found));
    for (const [i, need] of opts.needs.entries()) {
        const { checksum, ...status } = onPath[i] ?? (await installOne(need, catalog, opts.platform ?? platformKey(), opts));
        out.push(status);
        (0,runner/* info */.pq)(describe(status, checksum, need, opts.mode));
    }
    return out;
}
function describe(s, checksum, need, mode) {
    const what = s.version === 'unknown' ? `${s.name} (version not readable)` : `${s.name} ${s.version}`;
    switch (s.source) {
        case 'path':
            return `${what}: on PATH at ${s.path} (${need.why})`;
        case 'cache':
            return `${what}: from the tool cache ${s.path} (${need.why})`;
        case 'download':
            return mode === 'plan'
                ? `${what}: would be downloaded from ${s.url} and checked against the ${checksum} (${need.why})`
                : `${what}: downloaded from ${s.url}, ${checksum} verified, installed at ${s.path} (${need.why})`;
        default:
            return `${what}: ${s.source}`;
    }
}
/** Not on PATH at a satisfying version: the tool cache, else (outside plan) a verified download. */
async function installOne(need, catalog, platform, opts) {
    const { tool } = need;
    const entry = catalogTool(catalog, tool);
    const spec = opts.inputs['tool-versions'][tool];
    const arch = platform.split('-')[1];
    const tc = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 9805));
    // before the catalog: a pinned version cached by an earlier run (or catalog) needs no entry now
    const cached = tc.find(tool, spec ?? entry.default, arch);
    if (cached) {
        const bin = binaryIn(cached, tool, entry, platform);
        if (opts.mode !== 'plan')
            await activate(bin, entry);
        return { name: tool, version: (0,external_node_path_.basename)((0,external_node_path_.dirname)(cached)), source: 'cache', path: bin };
    }
    const version = selectVersion(tool, entry, spec);
    const mirror = opts.inputs['tool-mirror'];
    if (isNpmTool(entry)) {
        const { tarball, integrity } = entry.versions[version];
        const url = mirrored(tarball, mirror);
        const status = { name: tool, version, source: 'download', path: '', url: displayUrl(url), checksum: 'npm sha512 integrity' };
        if (opts.mode === 'plan')
            return status;
        status.path = await installNpm(opts.exec, tc, tool, entry, version, url, integrity, mirror, arch);
        return status;
    }
    const asset = assetFor(tool, entry, version, platform);
    const url = mirrored(asset.url, mirror);
    const status = {
        name: tool,
        version,
        source: 'download',
        path: '',
        url: displayUrl(url),
        checksum: 'sha256' in asset.checksum ? 'pinned sha256' : `sha256 from ${displayUrl(mirrored(asset.checksum.checksums, mirror))}`,
    };
    if (opts.mode === 'plan')
        return status;
    status.path = await installBinary(opts.exec, tc, tool, entry, asset, url, mirror, arch);
    return status;
}
/** A binary on PATH whose version satisfies the spec (or, with no spec, the catalog's accepted range). */
async function fromPath(exec, tool, entry, platform, spec, pathEnv, log) {
    const name = commandName(tool, entry, platform) + (platform.startsWith('windows') ? '.exe' : '');
    const found = !isNpmTool(entry) && entry.dockerPlugin ? (0,which/* dockerPlugin */.G)(entry.dockerPlugin) || (0,which/* which */.K)(name, pathEnv) : (0,which/* which */.K)(name, pathEnv);
    if (!found)
        return undefined;
    const range = spec ?? entry.accept;
    const accepts = (version) => satisfies_default()(version, range, { includePrerelease: true });
    // an npm CLI states its version in its package's package.json: read there, no process (issue 25)
    const packaged = isNpmTool(entry) ? npmPackageVersion(found, entry.npm.package) : undefined;
    if (packaged)
        log(`${tool} ${packaged.version}: read from ${packaged.file}`);
    const r = packaged
        ? undefined
        : await exec
            .run(found, entry.versionArgs, {
            allowFailure: true,
            timeoutMs: exec.deadline.budget(`reading the version of ${found}`, VERSION_PROBE_MS),
            announce: log,
            // semver's first comparison (its code and regexps compiled, ~2–3 ms) while the probe runs, not after it (issue 25)
            started: () => void accepts('0.0.0'),
        })
            .catch(() => undefined);
    const version = packaged?.version ?? (r && r.code === 0 ? versionIn(`${r.stdout}\n${r.stderr}`) : undefined);
    if (version && accepts(version))
        return { name: tool, version, source: 'path', path: found };
    if (!version && spec === undefined) {
        // nothing pinned: a binary whose version cannot be read (a distribution build saying "devel") is used as found
        return { name: tool, version: 'unknown', source: 'path', path: found };
    }
    log(`${tool} at ${found} is ${version ?? 'of an unknown version'}, not ${range}${spec ? ` (input ${tool}-version)` : ' (the catalog’s accepted range)'}: looking further`);
    return undefined;
}
/**
 * The version of the npm package `name` that `bin` belongs to: `bin` resolved through its links (npm's
 * `.bin/<name>` and a global install's `bin/<name>` are links into the package), then the nearest
 * package.json of that name above it, within its node_modules folder. Undefined when there is none,
 * or it states no version: then the CLI is asked.
 */
function npmPackageVersion(bin, name) {
    let dir;
    try {
        dir = (0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(bin));
    }
    catch {
        return undefined;
    }
    for (; (0,external_node_path_.basename)(dir) !== 'node_modules' && (0,external_node_path_.dirname)(dir) !== dir; dir = (0,external_node_path_.dirname)(dir)) {
        const file = (0,external_node_path_.join)(dir, 'package.json');
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        try {
            const pkg = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            if (pkg.name !== name)
                continue;
            const version = typeof pkg.version === 'string' ? versionIn(pkg.version) : undefined;
            return version ? { version, file } : undefined;
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/** The first version-looking word of `<tool> version` output: `Client Version: v1.32.4`, `kind v0.30.0 go1.24`. */
function versionIn(text) {
    return /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(text)?.[1];
}
function binaryIn(dir, tool, entry, platform) {
    if (isNpmTool(entry))
        return (0,external_node_path_.join)(dir, 'node_modules', '.bin', entry.npm.bin);
    const asset = entry.platforms[platform];
    return (0,external_node_path_.join)(dir, asset ? asset.path : tool);
}
/** PATH for this process and later steps; docker plugins also where the docker CLI looks for them. */
async function activate(bin, entry) {
    const core = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6058));
    core.addPath((0,external_node_path_.dirname)(bin));
    if (!isNpmTool(entry) && entry.dockerPlugin) {
        const dir = (0,external_node_path_.join)(process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'cli-plugins');
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        const target = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(bin));
        (0,external_node_fs_.copyFileSync)(bin, target);
        (0,external_node_fs_.chmodSync)(target, 0o755);
    }
}
async function installBinary(exec, tc, tool, entry, asset, url, mirror, arch) {
    const file = await download(exec.deadline, tc, url, tool, mirror);
    let extracted = '';
    try {
        const expected = 'sha256' in asset.checksum
            ? asset.checksum.sha256
            : await publishedChecksum(exec.deadline, tc, mirrored(asset.checksum.checksums, mirror), url, tool, mirror);
        const actual = (await fileDigest(file, 'sha256')).toString('hex');
        if (actual !== expected)
            throw mismatch(tool, asset.version, url, `sha256:${expected}`, `sha256:${actual}`);
        let cachedDir;
        if (asset.format === 'raw') {
            (0,external_node_fs_.chmodSync)(file, 0o755);
            cachedDir = await tc.cacheFile(file, asset.path, tool, asset.version, arch);
        }
        else {
            extracted = asset.format === 'zip' ? await tc.extractZip(file) : await tc.extractTar(file);
            const inside = (0,external_node_path_.join)(extracted, asset.path);
            if (!(0,external_node_fs_.existsSync)(inside) || !(0,external_node_fs_.statSync)(inside).isFile()) {
                throw new errors/* ActionError */.lZ(`${displayUrl(url)} has no ${asset.path} inside`, {
                    where: { field: `tool ${tool}` },
                    fix: 'the release changed its layout: correct the catalog entry (npm run tools:update) or put the tool on PATH',
                });
            }
            (0,external_node_fs_.chmodSync)(inside, 0o755);
            cachedDir = await tc.cacheDir(extracted, tool, asset.version, arch);
        }
        const bin = (0,external_node_path_.join)(cachedDir, asset.path);
        await activate(bin, entry);
        return bin;
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
        if (extracted)
            (0,external_node_fs_.rmSync)(extracted, { recursive: true, force: true });
    }
}
async function installNpm(exec, tc, tool, entry, version, url, integrity, mirror, arch) {
    const file = await download(exec.deadline, tc, url, tool, mirror);
    const staging = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.sindri-tmp'), `npm-${(0,external_node_crypto_.randomUUID)()}`);
    try {
        const want = parseIntegrity(integrity);
        const actual = (await fileDigest(file, want.algorithm)).toString('base64');
        const expected = Buffer.from(want.hex, 'hex').toString('base64');
        if (actual !== expected)
            throw mismatch(tool, version, url, `sha512-${expected}`, `sha512-${actual}`);
        (0,external_node_fs_.mkdirSync)(staging, { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(staging, 'package.json'), JSON.stringify({ private: true, description: `${entry.npm.package}@${version} for sindri/deploy-action` }));
        const tgz = (0,external_node_path_.join)(staging, `${(0,external_node_path_.basename)(new URL(url).pathname)}`);
        (0,external_node_fs_.copyFileSync)(file, tgz);
        await new Npm(exec, exec.deadline.budget(`installing ${entry.npm.package}`, NPM_INSTALL_MS)).installTarball(staging, tgz, mirror ? `${mirror}/` : '');
        (0,external_node_fs_.rmSync)(tgz, { force: true });
        const installed = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(staging, 'node_modules', ...entry.npm.package.split('/'), 'package.json'), 'utf8'));
        if (installed.version !== version) {
            throw new errors/* ActionError */.lZ(`${entry.npm.package} installed as ${installed.version ?? 'nothing'}, expected ${version}`, {
                where: { field: `tool ${tool}` },
                fix: 'the tarball is not the catalog’s: check the mirror',
            });
        }
        const cachedDir = await tc.cacheDir(staging, tool, version, arch);
        const bin = (0,external_node_path_.join)(cachedDir, 'node_modules', '.bin', entry.npm.bin);
        await activate(bin, entry);
        return bin;
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
    }
}
function mismatch(tool, version, url, expected, actual) {
    return new errors/* ActionError */.lZ(`${tool} ${version} from ${displayUrl(url)} does not match its checksum: expected ${expected}, got ${actual}; nothing was cached`, {
        where: { field: `tool ${tool}` },
        fix: 'the download was altered or the mirror serves another build: fix the mirror, or pin another version',
    });
}
async function publishedChecksum(deadline, tc, checksumsUrl, assetUrl, tool, mirror) {
    const file = await download(deadline, tc, checksumsUrl, tool, mirror);
    try {
        const asset = (0,external_node_path_.basename)(new URL(assetUrl).pathname);
        const sum = checksumFor((0,external_node_fs_.readFileSync)(file, 'utf8'), asset);
        if (!sum) {
            throw new errors/* ActionError */.lZ(`the checksum file ${displayUrl(checksumsUrl)} lists no sha256 for ${asset}`, {
                where: { field: `tool ${tool}` },
                fix: 'check the release assets, or pin a version whose sha256 is in the catalog',
            });
        }
        return sum;
    }
    finally {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
}
/** `tc.downloadTool` (3 attempts on 5xx/408/429/network errors, with its backoff), raced against the run's deadline. */
async function download(clock, tc, url, tool, mirror) {
    const shown = displayUrl(url);
    const { plain, auth } = splitCredentials(url);
    const left = clock.budget(`downloading ${shown}`);
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(clock.exceeded(`downloading ${shown}`)), Math.min(left, 2 ** 31 - 1));
    });
    try {
        return await Promise.race([tc.downloadTool(plain, undefined, auth), deadline]);
    }
    catch (e) {
        if (e instanceof errors/* ActionError */.lZ)
            throw e;
        const status = e instanceof tc.HTTPError ? e.httpStatusCode : undefined;
        const retried = status === undefined || status >= 500 || status === 408 || status === 429;
        throw new errors/* ActionError */.lZ(`download of ${shown} failed: ${status ? `HTTP ${status}` : (e instanceof Error ? e.message : String(e)).split('\n')[0]}${retried ? ' (after 3 attempts)' : ''}`, {
            where: { field: mirror ? mirrorField() : `tool ${tool}` },
            fix: mirror
                ? `check that the mirror serves ${new URL(plain).pathname}`
                : status === 404
                    ? 'the release asset is gone: pin another version, or use tool-mirror'
                    : 'retry the job, or use tool-mirror to download from a mirror',
        });
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
/** `https://user:token@host/x` → the URL without them and a Basic authorization header value. */
function splitCredentials(url) {
    const u = new URL(url);
    if (!u.username && !u.password)
        return { plain: url, auth: undefined };
    const auth = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
    (0,runner/* setSecret */.Pq)(auth);
    u.username = '';
    u.password = '';
    return { plain: u.toString(), auth };
}
/** Where the mirror was set, for an error's place: the input wins over SINDRI_TOOL_MIRROR (src/tools/validate.ts). */
function mirrorField() {
    return process.env.SINDRI_TOOL_MIRROR && !(0,runner/* getInput */.V4)('tool-mirror') ? 'env SINDRI_TOOL_MIRROR' : 'input tool-mirror';
}


/***/ }),

/***/ 9234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ dockerPlugin),
/* harmony export */   K: () => (/* binding */ which)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/** Find a program on PATH without running anything. */


function which(name, pathEnv = process.env.PATH ?? '') {
    for (const dir of pathEnv.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir)
            continue;
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        try {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile()) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
                return p;
            }
        }
        catch {
            // not here
        }
    }
    return '';
}
/** docker CLI plugins (compose, buildx) live outside PATH */
function dockerPlugin(name) {
    const dirs = [
        process.env.DOCKER_CONFIG ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.DOCKER_CONFIG, 'cli-plugins') : '',
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.HOME ?? '/root', '.docker', 'cli-plugins'),
        '/usr/local/lib/docker/cli-plugins',
        '/usr/local/libexec/docker/cli-plugins',
        '/usr/lib/docker/cli-plugins',
        '/usr/libexec/docker/cli-plugins',
    ];
    return which(`docker-${name}`, dirs.filter(Boolean).join(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter));
}


/***/ })

};
