"""`newsloom batch`: the per-article path mapped over a Dask cluster, into Parquet shards.

    run_batch(["crawl/*.warc.gz"], "shards/")              # a LocalCluster on this machine
    run_batch(inputs, "shards/", scheduler="tcp://host:8786")   # a running cluster

`plan` cuts the inputs into partitions, `work` is what a worker runs on one partition (the
ingest pipeline, built once per process, then one shard written atomically), `run` hands the
partitions to Dask and gathers the manifests, `progress` is the terminal bar. The shards are
loaded into a store by `newsloom.store.shards.load_shards` (`newsloom ingest --shards`).
"""

from __future__ import annotations

from newsloom.batch.report import BatchReport
from newsloom.batch.run import PARTITION_SIZE, run_batch

__all__ = ["PARTITION_SIZE", "BatchReport", "run_batch"]
