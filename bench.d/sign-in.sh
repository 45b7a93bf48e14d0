# Sourced by ./bench and bench.d/plan-report.sh: signs in through the real form (antiforgery token, then the
# POST) and leaves the session cookie in a curl cookie jar.
#   bench_sign_in BASE_URL JAR EMAIL PASSWORD     fails (status 1) unless the sign-in answers 302
bench_sign_in() {
  local base=$1 jar=$2 email=$3 password=$4 token status
  token=$(curl -fsS -c "$jar" -b "$jar" "$base/konto/logga-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  [ -n "$token" ] || { echo "sign-in: no antiforgery token on $base/konto/logga-in" >&2; return 1; }
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Email=$email" \
    --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/konto/logga-in")
  [ "$status" = 302 ] || { echo "sign-in as $email answered $status, not 302" >&2; return 1; }
}

# The jar's cookies as one Cookie header value ("name=value; name=value"), for wrk -H and the burst driver.
bench_cookie_header() {
  awk -F '\t' 'NF >= 7 && $1 !~ /^#/ || $1 ~ /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}
