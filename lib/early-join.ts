/**
 * The join screen works before its scripts arrive. On a weak signal the page's JavaScript takes
 * seconds longer than its HTML, so the page carries a few hundred bytes of plain script, right
 * after the join form, that lets the person join at once: it makes up the phone's token (as the
 * full page would), keeps it on the phone and says "Joining…". When the full page starts it
 * switches this off and finds the token, and the live café joins with it (with the answers to the
 * optional questions, if the person gave any). A phone that joined
 * before is recognised as the page is read, so it never shows the form again.
 *
 * The name box has no `name` attribute: if even this script cannot run, the form sends nothing
 * anywhere (a person's name never ends up in an address or a log).
 */

/** Where a phone keeps its token and name for one café (`localStorage`). */
export const phoneStorageKey = (code: string) => `cafe:p:${code}`;

/** Ids the page and this script share. */
export const JOIN_FORM_ID = 'join-form';
export const NAME_INPUT_ID = 'name';
/**
 * The names of the optional questions' inputs ("I'm here as…" radio buttons, the needs' boxes and
 * the box for something else). They belong to no form (`form` names one that does not exist), so
 * if even this script cannot run, a person's answers never end up in an address either.
 */
export const GROUP_INPUT_NAME = 'cafe-group';
export const NEEDS_INPUT_NAME = 'cafe-needs';
/** "Is this your first event like this?": the radio buttons' values are `yes`, `no` and '' (rather not say). */
export const FIRST_TIME_INPUT_NAME = 'cafe-first-time';
export const NEEDS_OTHER_ID = 'needs-other';
export const NO_FORM_ID = 'join-about';

/**
 * What a phone keeps for one café: its token, the name given, and what it told at the door (with
 * the language the page was showing when Join was tapped).
 */
export interface StoredJoin {
  token: string;
  name: string | null;
  about?: { group?: string; needs?: string[]; needsOther?: string; firstTime?: boolean; language?: string };
}

/** Called by the full page when it takes over (the script's submit handler comes off). */
export const EARLY_JOIN_OFF = '__cafeEarlyJoinOff';

/** Tokens as the phone's own code makes them (nanoid's alphabet, 32 characters). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** The script, for one café's page. Plain ES5: it runs before anything else has loaded. */
export function earlyJoinScript(code: string): string {
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `(function(key,formId,inputId,off,abc,groupName,needsName,otherId,firstName){
var form=document.getElementById(formId);
if(!form)return;
var has=function(){try{return !!localStorage.getItem(key)}catch(e){return false}};
if(has()){form.setAttribute('data-joining','');return}
function submit(e){
e.preventDefault();
if(form.hasAttribute('data-joining'))return;
var identity=form.getAttribute('data-identity');
var input=document.getElementById(inputId);
var name=input?input.value.replace(/^\\s+|\\s+$/g,''):'';
if(identity==='named'&&!name){form.setAttribute('data-missing-name','');if(input)input.focus();return}
if(!window.crypto||!crypto.getRandomValues)return;
var bytes=crypto.getRandomValues(new Uint8Array(32)),token='';
for(var i=0;i<32;i++)token+=abc.charAt(bytes[i]&63);
var about={},picked=[],boxes=form.querySelectorAll?form.querySelectorAll('input[name="'+groupName+'"],input[name="'+needsName+'"],input[name="'+firstName+'"]'):[];
for(var j=0;j<boxes.length;j++){var b=boxes[j];if(!b.checked)continue;if(b.name===groupName){if(b.value)about.group=b.value}else if(b.name===firstName){if(b.value)about.firstTime=b.value==='yes'}else picked.push(b.value)}
var other=document.getElementById(otherId);
var said=other?other.value.replace(/^\\s+|\\s+$/g,''):'';
if(said){if(picked.indexOf('other')<0)picked.push('other');about.needsOther=said}
if(picked.length)about.needs=picked;
var root=document.documentElement,lang=root&&root.getAttribute?root.getAttribute('lang'):'';
if(lang)about.language=lang;
try{localStorage.setItem(key,JSON.stringify({token:token,name:identity==='anonymous'?null:(name||null),about:about}))}catch(e){return}
form.setAttribute('data-joining','');
}
form.addEventListener('submit',submit);
window[off]=function(){form.removeEventListener('submit',submit)};
})(${json(phoneStorageKey(code))},${json(JOIN_FORM_ID)},${json(NAME_INPUT_ID)},${json(EARLY_JOIN_OFF)},${json(ALPHABET)},${json(GROUP_INPUT_NAME)},${json(NEEDS_INPUT_NAME)},${json(NEEDS_OTHER_ID)},${json(FIRST_TIME_INPUT_NAME)});`;
}
