#!/usr/bin/env python3
# check-po.py — a catalogue is complete, well-formed and speaks the language
#
# Copyright 2026 The Chushuitong Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py MSGFMT LANG FILE.po
#
# Prints TAP:
#  - msgfmt --check --statistics accepts it (formats, header, newlines)
#    and counts no untranslated and no fuzzy entry;
#  - the header: Language, UTF-8, Project-Id-Version, Plural-Forms with
#    one form (Chinese has no plural), filled-in Last-Translator;
#  - plural entries have msgstr[0] only; the %-conversions of entries that
#    are not c-format (date formats) are kept; mnemonics, trailing ellipses
#    and semicolon lists (desktop Keywords) survive translation;
#  - full-width punctuation next to Chinese text, and the quotes of the
#    language (“” in zh_CN, 「」 in zh_TW);
#  - the script of the language: no traditional-only characters in
#    zh_CN, no simplified-only ones in zh_TW, and none of the mainland
#    terms Taiwan does not use (登錄, 帳戶 → 帳號 …) in zh_TW;
#  - one term, one translation: every message with a glossary term uses
#    the glossary's translation;
#  - the labels of the mobile app (SPEC): these messages have exactly
#    these translations.

import os
import re
import subprocess
import sys

sys.path.insert (0, os.path.dirname (os.path.abspath (__file__)))
import potools  # noqa: E402

# Characters that exist only in one script (the pairs differ).
SIMPLIFIED_ONLY = set (
    '录码证验设号务册认识别账误请输获须让锁时间为这个们发机关联业现开启动态确错该对应数据库'
    '显钥点击后处变换节脸纹护国湾内门话页签键单导规种类级执无连线网络断权项选择历统会税'
    '纳办员负责财简体检测环书协议读写扫试过达览径结条资讯讯优态输户帐凭终标们长颜适运'
    '续载图闭'
)
TRADITIONAL_ONLY = set (
    '錄碼證驗設號務冊認識別帳賬誤請輸獲須讓鎖時間為這個們發機關聯業現開啟動態確錯該對應數據庫'
    '顯鑰點擊後處變換節臉紋護國灣內門話頁簽鍵單導規種類級執無連線網絡斷權項選擇歷統會稅'
    '納辦員負責財簡體檢測環書協議讀寫掃試過達覽徑結條資訊優態戶憑終標長顏適運續載圖閉'
)

# zh_TW: mainland words Taiwan does not use here, and the Taiwan word.
# Official names of mainland documents and systems keep their words
# (in traditional characters): they are removed before the search.
TW_OFFICIAL_NAMES = ['居民身份證', '永久居留身份證', '統一身份認證', '納稅人識別號', '識別號']
TW_FORBIDDEN = {
    '登錄': '登入', '登录': '登入', '賬號': '帳號', '帳戶密碼': '帳號密碼', '短信': '簡訊',
    '信息': '資訊', '文件': '檔案', '設置': '設定', '默認': '預設', '屏幕': '螢幕',
    '視頻': '影片', '用戶': '使用者', '軟件': '軟體', '網絡': '網路', '菜單': '選單',
    '窗口': '視窗', '快捷': '快速', '數據': '資料', '內存': '記憶體', '支持': '支援',
    '激活': '啟用', '鏈接': '連結', '令牌': '權杖', '哈希': '雜湊', '會話': '工作階段',
    '識別': '辨識', '身份': '身分', '人臉': '臉部', '掃臉': '刷臉', '面容': '臉部辨識',
    '獲取': '取得', '退出登': '登出', '重置': '重設', '點擊': '點選', '密鑰環': '鑰匙圈',
    '設備': '裝置', '本地': '本機', '採集': '擷取', '導航': '導覽', '常規': '一般',
}

# One term, one translation: English pattern → accepted translations.
GLOSSARY = {
    'zh_CN': [
        (r'\bpasswords?\b', ['密码']),
        (r'\bkeyring\b', ['密钥环']),
        (r'\bfingerprint reader\b', ['指纹识别器']),
        (r'\bquick[- ]login\b', ['快捷登录']),
        (r'\bverification codes?\b', ['验证码']),
        (r'\bunified social credit code\b', ['统一社会信用代码']),
        (r'\btaxpayer (identification number|ID)\b', ['纳税人识别号']),
        (r'\buser names?\b', ['用户名']),
        (r'\bphone numbers?\b', ['手机号码']),
        (r'\bface recognition\b', ['人脸识别']),
        (r'\benterprises?\b', ['企业']),
        (r'\bSMS\b|\btext message\b', ['短信']),
        (r'\blog(?:ged|ging)? ?in\b|\bsign(?:ed)?[- ]in\b|\blogin\b', ['登录']),
        (r'\blog(?:ged)? ?out\b|\bsigned out\b', ['退出登录']),
        (r'\bregist(?:er|ered|ration)\b', ['注册', '登记']),
        (r'\bID numbers?\b', ['证件号码', '身份证号码']),
        (r'\bbiometrics\b', ['生物识别']),
        (r'\bidentity service\b', ['身份认证服务']),
        (r'\bChushuitong\b', ['楚税通']),
        (r'\bChushuitong Desktop\b', ['楚税通 Desktop']),
        (r'\blocal simulation\b', ['本地模拟']),
        (r'\bliveness\b', ['活体检测']),
        (r'\bdevices?\b', ['设备']),
        (r'\bthis computer\b', ['本机']),
        (r'\broles?\b', ['身份']),
        (r'\btokens?\b', ['令牌']),
        (r'\baccounts?\b', ['账号', '账户']),
    ],
    'zh_TW': [
        (r'\bpasswords?\b', ['密碼']),
        (r'\bkeyring\b', ['鑰匙圈']),
        (r'\bfingerprint reader\b', ['指紋辨識器']),
        (r'\bquick[- ]login\b', ['快速登入']),
        (r'\bverification codes?\b', ['驗證碼']),
        (r'\bunified social credit code\b', ['統一社會信用代碼']),
        (r'\btaxpayer (identification number|ID)\b', ['納稅人識別號']),
        (r'\buser names?\b', ['使用者名稱']),
        (r'\bphone numbers?\b', ['手機號碼']),
        (r'\bface recognition\b', ['臉部辨識']),
        (r'\benterprises?\b', ['企業']),
        (r'\bSMS\b|\btext message\b', ['簡訊']),
        (r'\blog(?:ged|ging)? ?in\b|\bsign(?:ed)?[- ]in\b|\blogin\b', ['登入']),
        (r'\blog(?:ged)? ?out\b|\bsigned out\b', ['登出']),
        (r'\bregist(?:er|ered|ration)\b', ['註冊', '登記']),
        (r'\bID numbers?\b', ['證件號碼', '身分證號碼', '身份證號碼']),
        (r'\bbiometrics\b', ['生物辨識']),
        (r'\bidentity service\b', ['身分驗證服務']),
        (r'\bChushuitong\b', ['楚稅通']),
        (r'\bChushuitong Desktop\b', ['楚稅通 Desktop']),
        (r'\blocal simulation\b', ['本機模擬']),
        (r'\bliveness\b', ['活體偵測']),
        (r'\bdevices?\b', ['裝置']),
        (r'\bthis computer\b', ['這部電腦']),
        (r'\broles?\b', ['身分']),
        (r'\btokens?\b', ['權杖']),
        (r'\bsettings\b', ['設定']),
        (r'\bdatabase\b', ['資料庫']),
        (r'\baccounts?\b(?! of your user)', ['帳號', '帳戶']),
    ],
}

# Messages that rightly leave a glossary term out, and why.
GLOSSARY_EXCEPTIONS = {
    (None, 'Password Changed'): 'the last page of the mobile app\'s reset says 修改完成',
    (None, 'Invalid enterprise code'): 'names the two kinds of enterprise code, as the field does',
}

# The mobile app's labels (SPEC, the login guide) and SPEC §4's messages:
# (msgctxt, msgid) → the exact translation.
LABELS = {
    'zh_CN': {
        ('tab', 'Home'): '首页',
        ('tab', 'My'): '我的',
        (None, 'Log In / Register'): '点击登录/注册',
        ('login tab', 'Personal'): '个人业务',
        ('login tab', 'Enterprise'): '企业业务',
        (None, 'Register'): '用户注册',
        (None, 'Forgot Password'): '忘记密码',
        (None, 'More Login Methods'): '更多登录方式',
        ('login method', 'SMS Login'): '短信登录',
        ('login method', 'Face Login'): '扫脸登录',
        (None, 'I have read and agree'): '我已阅读并同意',
        (None, 'Next'): '下一步',
        (None, 'Start Recognition'): '开始识别',
        (None, 'Biometrics'): '生物识别',
        (None, 'Fingerprint'): '指纹识别',
        (None, 'Face Login'): '开启面容登录',
        (None, "Can't receive the code?"): '无法收取验证码？',
        (None, 'Get Code'): '获取验证码',
        (None, 'Resend (%u s)'): '重新获取(%us)',
        (None, 'Log In'): '登录',
        (None, 'Log Out'): '退出登录',
        (None, 'Keep me signed in'): '保持登录',
        (None, 'Account'): '账号',
        (None, 'Password'): '密码',
        (None, 'Personal password'): '个人用户密码',
        (None, 'ID number, phone number or user name'): '居民身份证号码/手机号码/用户名',
        (None, 'Enterprise account'): '企业账号',
        (None, 'Unified social credit code or taxpayer ID'): '统一社会信用代码/纳税人识别号',
        (None, 'Choose Your Role'): '身份类型选择',
        ('role', 'Legal representative'): '法定代表人',
        ('role', 'Financial officer'): '财务负责人',
        ('role', 'Tax officer'): '办税员',
        ('role', 'Invoice clerk'): '开票员',
        (None, 'SMS Verification'): '短信验证',
        (None, 'Face Recognition'): '人脸识别',
        (None, 'ID type'): '证件类型',
        (None, 'ID number'): '证件号码',
        (None, 'Name'): '姓名',
        (None, 'Set Password'): '设置密码',
        (None, 'Confirm Password'): '确认密码',
        (None, 'Mobile phone number'): '手机号码',
        (None, 'Go to Log In'): '去登录',
        (None, 'Local simulation'): '本地模拟',
        (None, 'Face the screen'): '正对屏幕',
        (None, 'Blink'): '眨眨眼',
        (None, 'Slowly turn your head'): '缓慢转头',
        (None, 'Enter your personal password to verify it and turn this on'): '输入个人密码后验证即可开启',
        (None, 'Personal Information Protection Notice and Consent'): '《个人信息保护告知同意书》',
        (None, 'Face Recognition Service Agreement'): '《人脸识别服务协议书》',
        (None, 'Password Changed'): '修改完成',
        ('guide', 'Register'): '用户注册',
        ('guide', 'Personal Login'): '个人业务登录',
        ('guide', 'Quick Login Setup'): '快捷登录设置',
        ('guide', 'Enterprise Login'): '企业业务登录',
        ('guide', 'Forgot Password'): '忘记密码',
        (None, 'Resident ID card'): '居民身份证',
        (None, 'Mainland Travel Permit for Hong Kong and Macao Residents'): '港澳居民来往内地通行证',
        (None, 'Mainland Travel Permit for Taiwan Residents'): '台湾居民来往大陆通行证',
        (None, 'Chinese passport'): '中国护照',
        (None, 'Foreign Permanent Resident ID Card'): '外国人永久居留身份证',
        # SPEC §4
        (None, 'Incorrect account or password'): '账号或密码错误',
        (None, 'Incorrect password, %d attempt left'): '密码错误，还可尝试 %d 次',
        (None, 'Account locked; try again in %d minute or reset your password'):
            '账号已锁定，请 %d 分钟后再试或找回密码',
        (None, 'Incorrect code'): '验证码错误',
        (None, 'Code expired, request a new one'): '验证码已过期，请重新获取',
        (None, 'Wait %d second before requesting a new code'): '请 %d 秒后再获取',
        (None, 'This ID number is already registered'): '该证件号码已注册',
        (None, 'Invalid ID number'): '证件号码格式不正确',
        (None, 'Passwords do not match'): '两次输入的密码不一致',
        (None, 'This user is not linked to the enterprise'): '该用户未关联此企业',
        (None, 'This user is not registered'): '该用户未注册',
        (None, '[Chushuitong] Your verification code is %s. It is valid for 5 minutes.'):
            '【楚税通】您的验证码为 %s，5分钟内有效。',
    },
    'zh_TW': {
        ('tab', 'Home'): '首頁',
        ('tab', 'My'): '我的',
        (None, 'Log In / Register'): '點選登入/註冊',
        ('login tab', 'Personal'): '個人業務',
        ('login tab', 'Enterprise'): '企業業務',
        (None, 'Register'): '使用者註冊',
        (None, 'Forgot Password'): '忘記密碼',
        (None, 'More Login Methods'): '更多登入方式',
        ('login method', 'SMS Login'): '簡訊登入',
        ('login method', 'Face Login'): '刷臉登入',
        (None, 'I have read and agree'): '我已閱讀並同意',
        (None, 'Next'): '下一步',
        (None, 'Start Recognition'): '開始辨識',
        (None, 'Biometrics'): '生物辨識',
        (None, 'Fingerprint'): '指紋辨識',
        (None, 'Get Code'): '取得驗證碼',
        (None, 'Log In'): '登入',
        (None, 'Log Out'): '登出',
        (None, 'Account'): '帳號',
        (None, 'Password'): '密碼',
        (None, 'Verification code'): '驗證碼',
        (None, 'Mobile phone number'): '手機號碼',
        (None, 'Unified social credit code or taxpayer ID'): '統一社會信用代碼/納稅人識別號',
        (None, 'Resident ID card'): '居民身份證',
        (None, 'Incorrect account or password'): '帳號或密碼錯誤',
        (None, 'Incorrect password, %d attempt left'): '密碼錯誤，還可嘗試 %d 次',
    },
}

CJK = r'[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]'
ASCII_PUNCT_NEXT_TO_CJK = re.compile (r'(?<=%s)[,;:?!]|[,;:?!](?=%s)' % (CJK, CJK))
CONVERSION = re.compile (r'%[-_0^#]?[0-9]*([a-zA-Z%])')
MNEMONIC = re.compile (r'(?:^|[^\w])_\w')


def main ():
    if len (sys.argv) != 4:
        sys.exit ('usage: check-po.py MSGFMT LANG FILE.po')
    msgfmt, lang, path = sys.argv[1:]
    tap = potools.Tap ()

    # msgfmt: the format checks, and its count of what is missing.
    result = subprocess.run ([msgfmt, '--check', '--statistics', '-o', os.devnull, path],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env=dict (os.environ, LC_ALL='C', LANGUAGE='C'),
                             universal_newlines=True)
    output = result.stdout.strip ()
    tap.check (result.returncode == 0, 'msgfmt --check accepts %s' % os.path.basename (path),
               output.split ('\n') if result.returncode else [])
    incomplete = re.search (r'\d+ (fuzzy|untranslated)', output)
    tap.check (result.returncode == 0 and not incomplete and 'translated' in output,
               'no untranslated or fuzzy entry', [output] if incomplete else [])

    header, entries = potools.parse (path)
    fields = potools.header_fields (header) if header else {}
    problems = []
    if header is None:
        problems.append ('no header entry')
    if fields.get ('Language') != lang:
        problems.append ('Language is "%s", not "%s"' % (fields.get ('Language'), lang))
    if 'charset=UTF-8' not in fields.get ('Content-Type', ''):
        problems.append ('Content-Type is not text/plain; charset=UTF-8')
    if not fields.get ('Project-Id-Version', '').startswith ('chushuitong'):
        problems.append ('Project-Id-Version does not name chushuitong')
    if fields.get ('Plural-Forms', '').replace (' ', '') != 'nplurals=1;plural=0;':
        problems.append ('Plural-Forms is "%s", not "nplurals=1; plural=0;"'
                         % fields.get ('Plural-Forms'))
    if 'FULL NAME' in fields.get ('Last-Translator', 'FULL NAME'):
        problems.append ('Last-Translator is not filled in')
    if header is not None and 'fuzzy' in header.flags:
        problems.append ('the header is fuzzy')
    tap.check (True, 'the header is right for %s' % lang, problems)

    problems = []
    for e in entries:
        if e.msgid_plural is not None and sorted (e.msgstr_plural) != [0]:
            problems.append ('line %d: "%s" has msgstr%s; Chinese has one form, msgstr[0]'
                             % (e.line, e.label, sorted (e.msgstr_plural)))
    tap.check (True, 'plural entries have exactly one form', problems)

    problems = []
    for e in entries:
        if not e.translated:
            continue
        for source, text in zip ([e.msgid] * len (e.translations), e.translations):
            if 'c-format' not in e.flags and '%' in source:
                if sorted (CONVERSION.findall (source)) != sorted (CONVERSION.findall (text)):
                    problems.append ('line %d: "%s": the conversions of "%s" are not those of the source'
                                     % (e.line, e.label, text))
            if MNEMONIC.search (source) and len (re.findall (r'_\w', text)) != 1:
                problems.append ('line %d: "%s": "%s" must keep one mnemonic (_X)'
                                 % (e.line, e.label, text))
            if source.endswith ('…') != text.endswith ('…'):
                problems.append ('line %d: "%s": "%s" must end with … exactly when the source does'
                                 % (e.line, e.label, text))
            if source.endswith (';') != text.endswith (';'):
                problems.append ('line %d: "%s": "%s" must end with ; exactly when the source does'
                                 % (e.line, e.label, text))
    tap.check (True, 'formats, mnemonics, ellipses and lists survive translation', problems)

    problems = []
    wrong_quotes = '“”‘’' if lang == 'zh_TW' else '「」『』'
    for e in entries:
        for text in e.translations:
            semicolon_list = re.fullmatch (r'[^ ;]+(;[^ ;]+)*;', e.msgid) is not None
            m = ASCII_PUNCT_NEXT_TO_CJK.search (text)
            if m and not semicolon_list:
                problems.append ('line %d: "%s": ASCII "%s" in Chinese text, use full-width punctuation'
                                 % (e.line, text, m.group ()))
            quotes = [c for c in text if c in wrong_quotes]
            if quotes:
                problems.append ('line %d: "%s": %s quotes are not used in %s'
                                 % (e.line, text, ''.join (quotes), lang))
    tap.check (True, 'full-width punctuation and %s quotes' % lang, problems)

    problems = []
    wrong_script = TRADITIONAL_ONLY if lang == 'zh_CN' else SIMPLIFIED_ONLY
    for e in entries:
        for text in e.translations:
            chars = sorted (set (c for c in text if c in wrong_script))
            if chars:
                problems.append ('line %d: "%s" has %s characters: %s'
                                 % (e.line, text, 'traditional' if lang == 'zh_CN' else 'simplified',
                                    ' '.join (chars)))
    tap.check (True, 'written in %s characters' % ('simplified' if lang == 'zh_CN' else 'traditional'),
               problems)

    if lang == 'zh_TW':
        problems = []
        for e in entries:
            for text in e.translations:
                plain = text
                for name in TW_OFFICIAL_NAMES:
                    plain = plain.replace (name, '')
                for word, taiwan in TW_FORBIDDEN.items ():
                    if word in plain:
                        problems.append ('line %d: "%s": Taiwan says %s, not %s'
                                         % (e.line, text, taiwan, word))
        tap.check (True, 'Taiwan usage, not mainland terms', problems)

    problems = []
    for pattern, accepted in GLOSSARY.get (lang, []):
        regex = re.compile (pattern, re.IGNORECASE)
        for e in entries:
            if not e.translated or not any (regex.search (s) for s in e.sources):
                continue
            if e.key in GLOSSARY_EXCEPTIONS:
                continue
            for text in e.translations:
                if not any (a in text for a in accepted):
                    problems.append ('line %d: "%s" → "%s": the glossary translates /%s/ as %s'
                                     % (e.line, e.label, text, pattern, ' or '.join (accepted)))
    tap.check (True, 'one term, one translation (the glossary)', problems)

    problems = []
    by_key = {e.key: e for e in entries}
    for key, expected in LABELS.get (lang, {}).items ():
        e = by_key.get (key)
        label = (key[0] + '|' if key[0] else '') + key[1]
        if e is None:
            problems.append ('"%s" is not a message any more: did the source text change? '
                             '(update LABELS in %s)' % (label, os.path.basename (__file__)))
        elif e.translations[0] != expected:
            problems.append ('line %d: "%s" is "%s", the mobile app says "%s"'
                             % (e.line, label, e.translations[0], expected))
    tap.check (True, 'the mobile app\'s labels and messages, exactly', problems)

    return tap.done ()


if __name__ == '__main__':
    sys.exit (main ())
