// Every visible label in both languages. Korean is the default; the choice is remembered.

const STORAGE_KEY = 'coin-trader.lang';
const LANGS = ['ko', 'en'];

const DICT = {
  ko: {
    'app.title': '코인 트레이더',
    'page.title': '코인 트레이더 대시보드',
    'lang.toggle': 'English',
    'lang.toggle.aria': '언어를 영어로 바꾸기',
    'common.none': '아직 없음',
    'common.unknown': '—',

    'mode.live': '실거래 LIVE',
    'mode.live.note': '실제 자금으로 주문이 나갑니다',
    'mode.paper': '모의투자 PAPER',
    'mode.paper.note': '실제 자금은 사용되지 않습니다',
    'mode.unknown': '모드 확인 중…',
    'mode.kill': '킬 스위치 활성: 신규 주문 차단',
    'exchange.label': '거래소',
    'exchange.replay': '리플레이(오프라인)',
    'exchange.upbit': '업비트',
    'market.clock': '시장 시각',

    'updated.label': '마지막 갱신',
    'updated.stale': '(오래된 데이터)',
    'logout': '로그아웃',
    'error.network': '서버에 연결할 수 없습니다. 자동으로 다시 시도합니다.',
    'error.timeout': '서버 응답이 너무 늦습니다. 자동으로 다시 시도합니다.',
    'error.server': '서버 오류 ({status}): {message}',
    'error.generic': '요청이 실패했습니다 ({status}).',

    'summary.title': '요약',
    'summary.equity': '총 자산',
    'summary.equity.sub': '기준 {time}',
    'summary.today': '오늘 손익',
    'summary.today.sub': '실현 {realized} · 미실현 {unrealized}',
    'summary.today.day': '거래일 {day} (09:00 KST 시작)',
    'summary.colors': '한국식 색상: 이익·상승은 빨강, 손실·하락은 파랑',
    'summary.inception': '누적 손익',
    'summary.inception.sub': '시작 자산 {equity}',
    'summary.realized': '실현 손익 합계',
    'summary.realized.sub': '평균단가법, 수수료 차감',
    'summary.fees': '수수료 합계',
    'summary.fees.sub': '전체 체결 기준',

    'kill.title': '킬 스위치',
    'kill.active': '활성',
    'kill.inactive': '비활성',
    'kill.active.hint': '모든 신규 주문이 막혀 있습니다',
    'kill.inactive.hint': '정상 거래 가능',
    'kill.reason': '사유',
    'kill.source': '출처',
    'kill.since': '시작',
    'kill.activate': '킬 스위치 켜기',
    'kill.deactivate': '킬 스위치 해제',
    'kill.confirm.activate.title': '킬 스위치를 켤까요?',
    'kill.confirm.activate': '킬 스위치를 켜면 모든 신규 주문이 즉시 막힙니다. 사유를 남길 수 있습니다(선택).',
    'kill.confirm.deactivate.title': '킬 스위치를 해제할까요?',
    'kill.confirm.deactivate': '해제하면 다음 틱부터 전략이 다시 주문을 낼 수 있습니다. 사유를 남길 수 있습니다(선택).',
    'kill.reason.label': '사유 (선택, 200자 이내)',
    'kill.reason.placeholder': '예: 급변동으로 수동 정지',

    'trading.title': '거래 제어',
    'trading.running.here': '실행 중 (이 서버)',
    'trading.running.other': '다른 프로세스에서 실행 중',
    'trading.stopped': '중지됨',
    'trading.stopping': '중지하는 중…',
    'trading.mode': '모드',
    'trading.started': '시작',
    'trading.stopped.at': '중지',
    'trading.last.error': '마지막 오류',
    'trading.other.hint': '다른 프로세스(trader run)의 루프는 여기서 멈출 수 없습니다. 킬 스위치는 사용할 수 있습니다.',
    'trading.start.paper': '모의투자 시작',
    'trading.start.live': '실거래 시작',
    'trading.stop': '거래 중지',
    'trading.confirm.paper.title': '모의투자를 시작할까요?',
    'trading.confirm.paper': '가상 잔고로 거래 루프를 시작합니다. 실제 주문은 나가지 않습니다.',
    'trading.confirm.live.title': '실거래를 시작할까요?',
    'trading.confirm.live': '실제 자금으로 업비트에 주문이 나갑니다. 계속하려면 아래 칸에 I_UNDERSTAND_LIVE_TRADING 을 정확히 입력하세요. 서버에는 24시간 이내에 만든 실거래 토큰 파일(LIVE_MODE_TOKEN_PATH)도 있어야 하며, 없으면 서버가 거부합니다.',
    'trading.confirm.live.label': '확인 문구 입력',
    'trading.confirm.stop.title': '거래를 중지할까요?',
    'trading.confirm.stop': '현재 틱을 마친 뒤 거래 루프를 멈춥니다. 미체결 주문과 포지션은 그대로 남습니다.',

    'dialog.ok': '확인',
    'dialog.cancel': '취소',
    'dialog.sending': '보내는 중…',

    'ticks.title': '종목별 마지막 틱',
    'ticks.symbol': '종목',
    'ticks.time': '시각 (KST)',
    'ticks.action': '동작',
    'ticks.price': '가격',
    'ticks.wall': '실제 시각',

    'chart.price.title': '가격 차트',
    'chart.equity.title': '자산 추이',
    'chart.symbol': '종목',
    'chart.time': '시각 (KST)',
    'chart.price': '가격',
    'chart.fast': '빠른 EMA',
    'chart.slow': '느린 EMA',
    'chart.equity': '자산',
    'chart.empty': '아직 차트 데이터가 없습니다',
    'chart.legend.buy': '▲ 매수 체결',
    'chart.legend.sell': '▼ 매도 체결',

    'positions.title': '보유 포지션',
    'positions.symbol': '종목',
    'positions.quantity': '수량',
    'positions.avg': '평균 단가',
    'positions.price': '현재가',
    'positions.value': '평가 금액',
    'positions.cost': '매수 금액',
    'positions.pnl': '평가 손익',
    'positions.pnl.pct': '수익률',
    'positions.price.none': '아직 틱이 없어 평균 단가로 표시',
    'dust.title': '소액(더스트)',
    'dust.note': '최소 주문금액보다 작아 매도하지 않는 보유입니다. 총 자산에는 포함되고, 포지션으로 세지 않습니다.',

    'balances.title': '잔고',
    'balances.currency': '통화',
    'balances.free': '사용 가능',
    'balances.locked': '주문 중',
    'balances.total': '합계',
    'balances.time': '스냅샷 {time}',
    'external.title': '트레이더가 관리하지 않는 보유',
    'external.note': '거래소에 있지만 트레이더가 사지 않은 코인입니다. 트레이더는 팔지 않으며 총 자산에 넣지 않습니다.',
    'external.quantity': '수량',
    'external.of': '거래소 합계',
    'external.value': '평가 금액',
    'external.value.none': '시세 없음',

    'orders.open.title': '미체결 주문',
    'orders.title': '전체 주문',
    'orders.created': '주문 시각 (KST)',
    'orders.symbol': '종목',
    'orders.side': '구분',
    'orders.type': '유형',
    'orders.price': '가격',
    'orders.quantity': '수량',
    'orders.filled': '체결 수량',
    'orders.status': '상태',
    'orders.reason': '사유',
    'orders.id': '주문 ID',
    'orders.prev': '이전',
    'orders.next': '다음',
    'orders.page': '{page} / {pages} 쪽 · 총 {total}건',
    'orders.market.price': '시장가',

    'safety.title': '안전 이벤트',
    'safety.time': '시각 (KST)',
    'safety.severity': '심각도',
    'safety.type': '유형',
    'safety.symbol': '종목',
    'safety.message': '내용',
    'safety.details': '상세',

    'decisions.title': '결정 기록',
    'decisions.filter': '종류',
    'decisions.filter.all': '전체',
    'decisions.time': '시각 (KST)',
    'decisions.kind': '종류',
    'decisions.symbol': '종목',
    'decisions.side': '구분',
    'decisions.decision': '결정',
    'decisions.check': '검사',
    'decisions.reason': '사유',
    'decisions.notional': '금액',

    'audit.title': '제어 기록',
    'audit.time': '시각 (KST)',
    'audit.action': '동작',
    'audit.who': '요청자',
    'audit.result': '결과',
    'audit.detail': '상세',

    'footer.version': '버전 {version}',
    'footer.uptime': '가동 {uptime}',
    'footer.server': '서버 시각 {time}',
    'footer.quote': '기준 통화 {currency}',
    'duration.dhm': '{d}일 {h}시간 {m}분',
    'duration.hm': '{h}시간 {m}분',
    'duration.ms': '{m}분 {s}초',

    'login.title': '코인 트레이더 로그인',
    'login.heading': '대시보드 로그인',
    'login.intro': '서버에 설정된 마스터 코드(WEB_MASTER_CODE)를 입력하세요.',
    'login.code': '마스터 코드',
    'login.submit': '로그인',
    'login.sending': '확인하는 중…',
    'login.wrong': '코드가 올바르지 않습니다.',
    'login.locked': '잘못된 코드를 너무 많이 입력했습니다. {minutes}분 뒤에 다시 시도하세요.',
    'login.locked.unknown': '잘못된 코드를 너무 많이 입력했습니다. 잠시 뒤에 다시 시도하세요.',
    'login.empty': '코드를 입력하세요.',
    'login.ok': '로그인되었습니다. 이동합니다…',

    'v.side.BUY': '매수',
    'v.side.SELL': '매도',
    'v.type.LIMIT': '지정가',
    'v.type.MARKET': '시장가',
    'v.status.OPEN': '미체결',
    'v.status.PARTIALLY_FILLED': '부분 체결',
    'v.status.FILLED': '체결',
    'v.status.CANCELLED': '취소',
    'v.status.REJECTED': '거부',
    'v.severity.INFO': '정보',
    'v.severity.HIGH': '높음',
    'v.severity.CRITICAL': '심각',
    'v.mode.PAPER': '모의투자',
    'v.mode.LIVE': '실거래',
    'v.safety.API_FAILURE_THRESHOLD': 'API 연속 실패',
    'v.safety.EXCHANGE_BAN': '거래소 차단',
    'v.safety.KILL_SWITCH_ACTIVATED': '킬 스위치 켜짐',
    'v.safety.KILL_SWITCH_RELEASED': '킬 스위치 해제',
    'v.safety.PRICE_ANOMALY': '가격 이상',
    'v.safety.SPREAD_ANOMALY': '스프레드 이상',
    'v.safety.CIRCUIT_BREAKER': '서킷 브레이커',
    'v.safety.BALANCE_MISMATCH': '잔고 불일치',
    'v.safety.ORDER_OUTCOME_UNKNOWN': '주문 결과 불명',
    'v.safety.RECONCILED': '대사 완료',
    'v.safety.EMERGENCY_CLOSE': '긴급 청산',
    'v.safety.API_KEY_EXPIRY': 'API 키 만료 임박',
    'v.safety.AUTH_FAILED': '인증 실패',
    'v.action.KILL_SWITCH': '킬 스위치',
    'v.action.API_FAILURE': 'API 실패',
    'v.action.NO_PRICE': '가격 없음',
    'v.action.CIRCUIT_BREAKER': '서킷 브레이커',
    'v.action.HOLD': '관망',
    'v.action.NO_ORDER': '주문 없음',
    'v.action.ORDER': '주문',
    'v.action.BLOCKED': '차단',
    'v.action.ERROR': '오류',
    'v.action.BUY': '매수',
    'v.action.SELL': '매도',
    'v.kind.RISK': '리스크',
    'v.kind.STRATEGY': '전략',
    'v.kind.LLM_ADVICE': 'LLM 조언',
    'v.decision.APPROVED': '승인',
    'v.decision.REJECTED': '거부',
    'v.decision.BUY': '매수',
    'v.decision.SELL': '매도',
    'v.decision.HOLD': '관망',
    'v.decision.BUY_CONSIDER': '매수 고려',
    'v.decision.SELL_CONSIDER': '매도 고려',
    'v.check.MARKET_ORDER': '시장가 주문',
    'v.check.NO_SHORT': '공매도 금지',
    'v.check.POSITION_SIZE': '포지션 크기',
    'v.check.MAX_POSITIONS': '최대 포지션 수',
    'v.check.DAILY_LOSS': '일일 손실 한도',
    'v.check.ORDER_RATE': '주문 빈도',
    'v.check.DAILY_ORDER_COUNT': '일일 주문 수',
    'v.check.DERIVATIVES': '파생상품',
    'v.check.SLIPPAGE': '슬리피지',
    'v.check.ALL': '전체 통과',
    'v.audit.TRADING_START': '거래 시작',
    'v.audit.TRADING_STOP': '거래 중지',
    'v.audit.KILL_SWITCH_ACTIVATE': '킬 스위치 켜기',
    'v.audit.KILL_SWITCH_DEACTIVATE': '킬 스위치 해제',
    'v.audit.LOGIN': '로그인',
    'v.audit.LOGOUT': '로그아웃',
    'v.result.OK': '성공',
    'v.result.ALLOWED': '허용',
    'v.result.ACCEPTED': '접수',
    'v.result.REFUSED': '거부',
    'v.result.DENIED': '거부',
    'v.result.FAILED': '실패',
    'v.result.ERROR': '오류',
  },
  en: {
    'app.title': 'Coin Trader',
    'page.title': 'Coin Trader dashboard',
    'lang.toggle': '한국어',
    'lang.toggle.aria': 'Switch the language to Korean',
    'common.none': 'Nothing yet',
    'common.unknown': '—',

    'mode.live': 'LIVE trading',
    'mode.live.note': 'orders use real money',
    'mode.paper': 'PAPER trading',
    'mode.paper.note': 'no real money is used',
    'mode.unknown': 'Checking the mode…',
    'mode.kill': 'Kill switch active: new orders blocked',
    'exchange.label': 'Exchange',
    'exchange.replay': 'Replay (offline)',
    'exchange.upbit': 'Upbit',
    'market.clock': 'Market clock',

    'updated.label': 'Last updated',
    'updated.stale': '(stale data)',
    'logout': 'Log out',
    'error.network': 'Cannot reach the server. Retrying automatically.',
    'error.timeout': 'The server is too slow to answer. Retrying automatically.',
    'error.server': 'Server error ({status}): {message}',
    'error.generic': 'The request failed ({status}).',

    'summary.title': 'Summary',
    'summary.equity': 'Total equity',
    'summary.equity.sub': 'as of {time}',
    'summary.today': "Today's PnL",
    'summary.today.sub': 'realized {realized} · unrealized {unrealized}',
    'summary.today.day': 'trading day {day} (starts 09:00 KST)',
    'summary.colors': 'Korean colours: gains and rises are red, losses and falls are blue',
    'summary.inception': 'PnL since inception',
    'summary.inception.sub': 'starting equity {equity}',
    'summary.realized': 'Realized PnL total',
    'summary.realized.sub': 'average cost, net of fees',
    'summary.fees': 'Fees total',
    'summary.fees.sub': 'over all fills',

    'kill.title': 'Kill switch',
    'kill.active': 'Active',
    'kill.inactive': 'Inactive',
    'kill.active.hint': 'all new orders are blocked',
    'kill.inactive.hint': 'trading may place orders',
    'kill.reason': 'Reason',
    'kill.source': 'Source',
    'kill.since': 'Since',
    'kill.activate': 'Activate kill switch',
    'kill.deactivate': 'Release kill switch',
    'kill.confirm.activate.title': 'Activate the kill switch?',
    'kill.confirm.activate': 'The kill switch blocks every new order at once. You may leave a reason (optional).',
    'kill.confirm.deactivate.title': 'Release the kill switch?',
    'kill.confirm.deactivate': 'Once released, the strategy may place orders again from the next tick. You may leave a reason (optional).',
    'kill.reason.label': 'Reason (optional, up to 200 characters)',
    'kill.reason.placeholder': 'e.g. manual halt during a sharp move',

    'trading.title': 'Trading control',
    'trading.running.here': 'Running (this server)',
    'trading.running.other': 'Running in another process',
    'trading.stopped': 'Stopped',
    'trading.stopping': 'Stopping…',
    'trading.mode': 'Mode',
    'trading.started': 'Started',
    'trading.stopped.at': 'Stopped',
    'trading.last.error': 'Last error',
    'trading.other.hint': 'A loop of another process (trader run) cannot be stopped from here. The kill switch still works.',
    'trading.start.paper': 'Start paper trading',
    'trading.start.live': 'Start live trading',
    'trading.stop': 'Stop trading',
    'trading.confirm.paper.title': 'Start paper trading?',
    'trading.confirm.paper': 'Starts the trading loop on the simulated balance. No real order is sent.',
    'trading.confirm.live.title': 'Start live trading?',
    'trading.confirm.live': 'Orders will be sent to Upbit with real money. To continue, type I_UNDERSTAND_LIVE_TRADING exactly in the field below. The server also needs a live-mode token file (LIVE_MODE_TOKEN_PATH) younger than 24 hours, or it refuses.',
    'trading.confirm.live.label': 'Type the confirmation phrase',
    'trading.confirm.stop.title': 'Stop trading?',
    'trading.confirm.stop': 'The trading loop stops after the current tick. Open orders and positions stay as they are.',

    'dialog.ok': 'OK',
    'dialog.cancel': 'Cancel',
    'dialog.sending': 'Sending…',

    'ticks.title': 'Last tick per symbol',
    'ticks.symbol': 'Symbol',
    'ticks.time': 'Time (KST)',
    'ticks.action': 'Action',
    'ticks.price': 'Price',
    'ticks.wall': 'Wall time',

    'chart.price.title': 'Price chart',
    'chart.equity.title': 'Equity curve',
    'chart.symbol': 'Symbol',
    'chart.time': 'Time (KST)',
    'chart.price': 'Price',
    'chart.fast': 'Fast EMA',
    'chart.slow': 'Slow EMA',
    'chart.equity': 'Equity',
    'chart.empty': 'No chart data yet',
    'chart.legend.buy': '▲ buy fill',
    'chart.legend.sell': '▼ sell fill',

    'positions.title': 'Positions',
    'positions.symbol': 'Symbol',
    'positions.quantity': 'Quantity',
    'positions.avg': 'Average price',
    'positions.price': 'Price',
    'positions.value': 'Value',
    'positions.cost': 'Cost',
    'positions.pnl': 'Unrealized PnL',
    'positions.pnl.pct': 'Return',
    'positions.price.none': 'no tick yet: shown at the average price',
    'dust.title': 'Dust',
    'dust.note': 'Worth less than the minimum order, so never sold. Counted in equity, but not as a position.',

    'balances.title': 'Balances',
    'balances.currency': 'Currency',
    'balances.free': 'Free',
    'balances.locked': 'Locked',
    'balances.total': 'Total',
    'balances.time': 'snapshot {time}',
    'external.title': 'Not managed by the trader',
    'external.note': 'On the exchange, but not bought by the trader: it never sells them and leaves them out of equity.',
    'external.quantity': 'Quantity',
    'external.of': 'Exchange total',
    'external.value': 'Value',
    'external.value.none': 'no price',

    'orders.open.title': 'Open orders',
    'orders.title': 'All orders',
    'orders.created': 'Created (KST)',
    'orders.symbol': 'Symbol',
    'orders.side': 'Side',
    'orders.type': 'Type',
    'orders.price': 'Price',
    'orders.quantity': 'Quantity',
    'orders.filled': 'Filled',
    'orders.status': 'Status',
    'orders.reason': 'Reason',
    'orders.id': 'Order ID',
    'orders.prev': 'Previous',
    'orders.next': 'Next',
    'orders.page': 'page {page} / {pages} · {total} orders',
    'orders.market.price': 'market',

    'safety.title': 'Safety events',
    'safety.time': 'Time (KST)',
    'safety.severity': 'Severity',
    'safety.type': 'Type',
    'safety.symbol': 'Symbol',
    'safety.message': 'Message',
    'safety.details': 'Details',

    'decisions.title': 'Decisions',
    'decisions.filter': 'Kind',
    'decisions.filter.all': 'All',
    'decisions.time': 'Time (KST)',
    'decisions.kind': 'Kind',
    'decisions.symbol': 'Symbol',
    'decisions.side': 'Side',
    'decisions.decision': 'Decision',
    'decisions.check': 'Check',
    'decisions.reason': 'Reason',
    'decisions.notional': 'Notional',

    'audit.title': 'Control actions',
    'audit.time': 'Time (KST)',
    'audit.action': 'Action',
    'audit.who': 'Who',
    'audit.result': 'Result',
    'audit.detail': 'Detail',

    'footer.version': 'version {version}',
    'footer.uptime': 'up {uptime}',
    'footer.server': 'server time {time}',
    'footer.quote': 'quote currency {currency}',
    'duration.dhm': '{d} d {h} h {m} min',
    'duration.hm': '{h} h {m} min',
    'duration.ms': '{m} min {s} s',

    'login.title': 'Coin Trader login',
    'login.heading': 'Dashboard login',
    'login.intro': 'Enter the master code configured on the server (WEB_MASTER_CODE).',
    'login.code': 'Master code',
    'login.submit': 'Log in',
    'login.sending': 'Checking…',
    'login.wrong': 'The code is not correct.',
    'login.locked': 'Too many wrong codes. Try again in {minutes} min.',
    'login.locked.unknown': 'Too many wrong codes. Try again later.',
    'login.empty': 'Enter the code.',
    'login.ok': 'Logged in. Redirecting…',

    'v.side.BUY': 'Buy',
    'v.side.SELL': 'Sell',
    'v.type.LIMIT': 'Limit',
    'v.type.MARKET': 'Market',
    'v.status.OPEN': 'Open',
    'v.status.PARTIALLY_FILLED': 'Partially filled',
    'v.status.FILLED': 'Filled',
    'v.status.CANCELLED': 'Cancelled',
    'v.status.REJECTED': 'Rejected',
    'v.severity.INFO': 'Info',
    'v.severity.HIGH': 'High',
    'v.severity.CRITICAL': 'Critical',
    'v.mode.PAPER': 'Paper',
    'v.mode.LIVE': 'Live',
    'v.safety.API_FAILURE_THRESHOLD': 'API failures',
    'v.safety.EXCHANGE_BAN': 'Exchange ban',
    'v.safety.KILL_SWITCH_ACTIVATED': 'Kill switch on',
    'v.safety.KILL_SWITCH_RELEASED': 'Kill switch released',
    'v.safety.PRICE_ANOMALY': 'Price anomaly',
    'v.safety.SPREAD_ANOMALY': 'Spread anomaly',
    'v.safety.CIRCUIT_BREAKER': 'Circuit breaker',
    'v.safety.BALANCE_MISMATCH': 'Balance mismatch',
    'v.safety.ORDER_OUTCOME_UNKNOWN': 'Order outcome unknown',
    'v.safety.RECONCILED': 'Reconciled',
    'v.safety.EMERGENCY_CLOSE': 'Emergency close',
    'v.safety.API_KEY_EXPIRY': 'API key expiry',
    'v.safety.AUTH_FAILED': 'Authentication failed',
    'v.action.KILL_SWITCH': 'Kill switch',
    'v.action.API_FAILURE': 'API failure',
    'v.action.NO_PRICE': 'No price',
    'v.action.CIRCUIT_BREAKER': 'Circuit breaker',
    'v.action.HOLD': 'Hold',
    'v.action.NO_ORDER': 'No order',
    'v.action.ORDER': 'Order',
    'v.action.BLOCKED': 'Blocked',
    'v.action.ERROR': 'Error',
    'v.action.BUY': 'Buy',
    'v.action.SELL': 'Sell',
    'v.kind.RISK': 'Risk',
    'v.kind.STRATEGY': 'Strategy',
    'v.kind.LLM_ADVICE': 'LLM advice',
    'v.decision.APPROVED': 'Approved',
    'v.decision.REJECTED': 'Rejected',
    'v.decision.BUY': 'Buy',
    'v.decision.SELL': 'Sell',
    'v.decision.HOLD': 'Hold',
    'v.decision.BUY_CONSIDER': 'Consider buying',
    'v.decision.SELL_CONSIDER': 'Consider selling',
    'v.check.MARKET_ORDER': 'Market order',
    'v.check.NO_SHORT': 'No short selling',
    'v.check.POSITION_SIZE': 'Position size',
    'v.check.MAX_POSITIONS': 'Max positions',
    'v.check.DAILY_LOSS': 'Daily loss limit',
    'v.check.ORDER_RATE': 'Order rate',
    'v.check.DAILY_ORDER_COUNT': 'Daily order count',
    'v.check.DERIVATIVES': 'Derivatives',
    'v.check.SLIPPAGE': 'Slippage',
    'v.check.ALL': 'All passed',
    'v.audit.TRADING_START': 'Start trading',
    'v.audit.TRADING_STOP': 'Stop trading',
    'v.audit.KILL_SWITCH_ACTIVATE': 'Activate kill switch',
    'v.audit.KILL_SWITCH_DEACTIVATE': 'Release kill switch',
    'v.audit.LOGIN': 'Log in',
    'v.audit.LOGOUT': 'Log out',
    'v.result.OK': 'OK',
    'v.result.ALLOWED': 'Allowed',
    'v.result.ACCEPTED': 'Accepted',
    'v.result.REFUSED': 'Refused',
    'v.result.DENIED': 'Denied',
    'v.result.FAILED': 'Failed',
    'v.result.ERROR': 'Error',
  },
};

const listeners = [];
let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(stored) ? stored : 'ko';
  } catch (e) {
    return 'ko';
  }
}

/** The current language code, 'ko' or 'en'. */
export function lang() {
  return current;
}

/** The label for key in the current language, with {name} placeholders filled from params. */
export function t(key, params) {
  const text = DICT[current][key] ?? DICT.ko[key] ?? key;
  if (!params) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * The label of an enum-like value from the server (order status, side, ...), or the value itself
 * when the dictionary does not know it, so nothing the server sends is ever hidden.
 */
export function tv(group, value) {
  if (value === null || value === undefined || value === '') {
    return DICT[current]['common.unknown'];
  }
  const normal = String(value).trim().toUpperCase().replace(/[\s./-]+/g, '_');
  return DICT[current][`v.${group}.${normal}`] ?? String(value);
}

/** Fills every element marked with data-i18n* attributes under root. */
export function applyI18n(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
  document.documentElement.lang = current;
}

/** Switches the language, remembers it, relabels the page and tells the listeners. */
export function setLang(next) {
  if (!LANGS.includes(next) || next === current) {
    return;
  }
  current = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch (e) {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  applyI18n();
  listeners.forEach((fn) => fn(current));
}

export function onLangChange(fn) {
  listeners.push(fn);
}

/** Wires the toggle button (labelled with the other language) and labels the page once. */
export function initI18n(toggle, titleKey) {
  const relabel = () => {
    if (titleKey) {
      document.title = t(titleKey);
    }
  };
  if (toggle) {
    toggle.addEventListener('click', () => setLang(current === 'ko' ? 'en' : 'ko'));
  }
  onLangChange(relabel);
  applyI18n();
  relabel();
}

/** Both dictionaries, for a completeness check. */
export const dictionaries = DICT;
