-- wrk script: GET with the session cookie that run.sh obtained by signing in (environment COOKIE).
wrk.headers["Cookie"] = os.getenv("COOKIE")
