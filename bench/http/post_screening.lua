-- wrk script: POST the example consultation to /api/v1/screenings with the session cookie and
-- CSRF token that run.sh obtained by signing in (environment COOKIE, CSRF, BODY_FILE).
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("CSRF")
