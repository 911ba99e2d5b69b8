#!/bin/sh
# usage: run.sh file.ts
cd /work/main && npx esbuild "$1" --bundle --platform=node --format=cjs --log-level=warning --outfile=.scratch/out.cjs && node .scratch/out.cjs
