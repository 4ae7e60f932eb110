// Pins the FerretDB release that scripts/install-deps.sh builds for scripts/mongo-server.sh; go.sum holds its hash,
// and FerretDB's own go.sum pins its dependencies. Nothing imports this module: it is only the pin.
module amgen/tools/ferretdb

go 1.24

require github.com/FerretDB/FerretDB v1.24.2
