import multiprocessing


def work(queue):
    import sqlite3
    queue.put(sqlite3.sqlite_version)


def handler(event, context):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=work, args=(queue,))
    child.start()
    version = queue.get(timeout=60)
    child.join()
    return version
