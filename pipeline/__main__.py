from .cli import main

# guarded: worker processes started with spawn/forkserver (multiprocessing,
# Dask) re-import the main module and must not start another run
if __name__ == "__main__":
    raise SystemExit(main())
