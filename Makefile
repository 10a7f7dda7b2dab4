# The two commands: `make run` and `make test`. Each installs what is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
WASM_RAW := target/wasm/$(WASM_TARGET)/release/jiaohe.wasm
# Debian's rustc-web with the std source: std is rebuilt for the browser floor (MVP wasm,
# no reference types / sign-ext / bulk memory), and panics abort without formatting code.
WASM_ENV := PATH=/usr/bin:$(PATH) RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/wasm \
	RUSTFLAGS="-C target-cpu=mvp -Zunstable-options -Cpanic=immediate-abort"

.PHONY: run test bench setup build wasm cli html serve

run: build
	@echo
	@echo "离线单文件 offline file: file://$(CURDIR)/dist/jiaohe.html"
	@echo "本机服务 served at:      http://127.0.0.1:8000/"
	@cd dist && python3 -m http.server 8000 --bind 127.0.0.1

test: build
	JIAOHE_REQUIRE_OFFICE=1 cargo test
	cd tests/e2e && node --test

# Not part of `make test`: evaluate timings beside two JS peers, start-up, sizes, CLI throughput;
# printed as a table and written to target/bench.json.
bench: build
	node tools/bench/run.mjs

setup:
	@tools/setup.sh

build: setup cli html

cli:
	cargo build --release --bin jiaohe

wasm: setup
	$(WASM_ENV) /usr/bin/cargo build --lib --release --target $(WASM_TARGET) -Z build-std=std,panic_abort --no-default-features --features full
	rm -rf dist/pkg target/glue && mkdir -p dist/pkg target/glue
	wasm-bindgen --target web --out-dir dist/pkg $(WASM_RAW)
	wasm-bindgen --target no-modules --no-typescript --out-dir target/glue $(WASM_RAW)
	# the page starts on forms A and B alone (small to decode and compile), the full core beside it
	$(WASM_ENV) CARGO_TARGET_DIR=target/wasm-start /usr/bin/cargo build --lib --profile start --target $(WASM_TARGET) -Z build-std=std,panic_abort --no-default-features
	rm -rf target/glue-start && mkdir -p target/glue-start
	wasm-bindgen --target no-modules --no-typescript --out-dir target/glue-start target/wasm-start/$(WASM_TARGET)/start/jiaohe.wasm
	wasm-opt -Oz -ocimfs 400 target/glue-start/jiaohe_bg.wasm -o target/glue-start/jiaohe_bg.wasm
	wasm-opt -Oz -ocimfs 400 dist/pkg/jiaohe_bg.wasm -o dist/pkg/jiaohe_bg.wasm
	wasm-opt -Oz -ocimfs 400 target/glue/jiaohe_bg.wasm -o target/glue/jiaohe_bg.wasm
	# the office file formats (calamine, rust_xlsxwriter, zip), compiled by the page only when
	# an office file is first opened or saved
	$(WASM_ENV) CARGO_TARGET_DIR=target/wasm-office /usr/bin/cargo build --lib --profile office --target $(WASM_TARGET) -Z build-std=std,panic_abort --no-default-features --features office
	rm -rf target/glue-office && mkdir -p target/glue-office
	wasm-bindgen --target no-modules --no-typescript --out-dir target/glue-office target/wasm-office/$(WASM_TARGET)/office/jiaohe.wasm
	wasm-opt -Oz -ocimfs 400 target/glue-office/jiaohe_bg.wasm -o target/glue-office/jiaohe_bg.wasm
	# the same as an ES module for the npm package (<jiaohe-form>'s exportXlsx)
	wasm-bindgen --target web --no-typescript --out-dir dist/pkg/office --out-name jiaohe_office target/wasm-office/$(WASM_TARGET)/office/jiaohe.wasm
	wasm-opt -Oz -ocimfs 400 dist/pkg/office/jiaohe_office_bg.wasm -o dist/pkg/office/jiaohe_office_bg.wasm
	node tools/pkg.mjs

html: wasm
	node tools/bundle.mjs
	cp dist/jiaohe.html dist/index.html
	@ls -l dist/pkg/jiaohe_bg.wasm dist/jiaohe.html | awk '{print "size:", $$5, $$9}'
