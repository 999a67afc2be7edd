# Interface strings for English, the site's reference language.
# Every other language has exactly these ids (`leg-pain-guide check` says where one is missing).
# { $number } is the emergency number from the settings. Values start after "= ";
# a value that must begin or end with a space is written { " like this " }.

language-name = English
site-name = Leg Pain at Night
site-about = Leg pain at night
og-locale = en_US

## The layout around every page

layout-skip-link = Skip to main content
layout-site-menu = Site
layout-footer-menu = Footer
layout-languages = Language
layout-warning-signs = Warning signs
layout-strip-lead = Get help now:
layout-strip-text = call { $number } if { $signs }.
layout-strip-or = {", or if "}
layout-strip-link = Warning signs
layout-embed-credit-before = From
layout-embed-credit-after = plain-language information on leg pain at night. Not a diagnosis.
layout-disclaimer = This site explains leg pain at night in plain words. It is not a diagnosis and does not replace advice from a doctor or nurse who knows you.
layout-privacy-line = No cookies. No trackers. Nothing you enter is stored.

## Content pages

page-guide-contents = Guide contents
page-on-this-page = On this page
page-previous-next = Previous and next pages
page-previous = Previous
page-next = Next
page-sources = Sources
page-not-advice = This page is general information, not a substitute for professional medical advice. If you are worried, talk to a doctor.
page-last-reviewed = Page last reviewed:
page-next-review = Next review due:
page-reading-grade = Reading level: about grade { $grade }
page-reading-ease = Reading ease: { $score } out of 100 ({ $band }) on the INFLESZ scale
page-review-overdue-title = This page is overdue for review.
page-review-overdue = It was due to be checked against its sources by the date below, and that has not happened yet. If anything here worries you, ask a doctor or nurse.

date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

source-000 = Docus symptoms guide, 15 April 2024
source-001 = publisher not named, undated

# The bands of the INFLESZ reading scale (used for Spanish pages).
inflesz-very-hard = very hard
inflesz-somewhat-hard = somewhat hard
inflesz-normal = normal
inflesz-fairly-easy = fairly easy
inflesz-very-easy = very easy

## Care cards: heard first by screen-reader users

card-emergency-prefix = Immediate action required:
card-urgent-prefix = Urgent advice:
card-non-urgent-prefix = Non-urgent advice:
card-self-care-prefix = Self-care advice:

# Headings of the warning-sign cards, made from the rules of each level.
signs-emergency-heading = Call { $number } or go to the emergency department now if
signs-urgent-heading = Contact a doctor promptly, as soon as the office opens and within 24 hours, if
signs-routine-heading = Book an appointment with a doctor if

## The symptom check: questions

form-section-warning_signs = Warning signs
form-section-warning_signs-intro = These questions come first because some signs need care quickly.
form-section-about_the_pain = About the pain
form-section-anything_else = Anything else (optional)
form-section-anything_else-intro = Tick any that apply. You can leave these empty.

answer-yes = Yes
answer-no = No

q-one_leg_signs = Is one of your legs swollen, red, warm or sore to touch?
q-one_leg_signs-hint = Answer yes even if only one leg, or only part of a leg, has any of these.
q-breathless = Are you short of breath, or do you have chest pain?
q-numbness = Do you have numbness, tingling or weakness in your leg or foot?
q-skin_changes = Has the skin on your leg or foot changed?
q-skin_changes-hint = For example, a new colour, shiny skin, or sores that do not heal.
q-injury = Did the pain start after an injury to your leg?

q-severity = How bad is the pain?
q-severity-mild = Mild
q-severity-moderate = Moderate
q-severity-severe = Severe

q-onset = When did the pain start?
q-onset-days = Days ago
q-onset-days-hint = Within the last week
q-onset-weeks = Weeks ago
q-onset-weeks-hint = One to four weeks ago
q-onset-months = Months ago
q-onset-months-hint = More than a month ago

q-frequency = How often do you get the pain?
q-frequency-occasional = Occasionally
q-frequency-occasional-hint = Now and then, not most nights
q-frequency-most_nights = Most nights

q-course = Over the last few days, how has the pain changed?
q-course-better = It is getting better
q-course-same = It is about the same
q-course-worse = It is getting worse

q-sleep_impact = How much does the pain affect your sleep or daily life?
q-sleep_impact-little = A little
q-sleep_impact-some = Some
q-sleep_impact-a_lot = A lot
q-sleep_impact-a_lot-hint = It gets in the way of your sleep or daily activities a lot

q-home_care = Have you tried home care for a few days?
q-home_care-hint = For example stretching, massage, warmth, and drinking enough water.
q-home_care-not_tried = No, not yet
q-home_care-helped = Yes, and it helped
q-home_care-not_helped = Yes, but it has not helped

q-feelings = What does the pain feel like?
q-feelings-hint = Select all that apply. Leave them all blank if none apply.
q-feelings-cramp = Cramp
q-feelings-cramp-hint = A sudden, tight, painful muscle
q-feelings-urge_to_move = An urge to move your legs
q-feelings-urge_to_move-hint = It eases when you move them
q-feelings-burning_tingling = Burning or tingling
q-feelings-shooting_from_back = Shooting pain
q-feelings-shooting_from_back-hint = It runs down your leg from your lower back or buttock
q-feelings-aching_throbbing = Aching or throbbing
q-feelings-heaviness = Heavy legs
q-feelings-joint_stiffness = Stiff, painful joints

q-conditions = Do you have any of these health problems?
q-conditions-hint = Select all that apply. Leave them all blank if none apply.
q-conditions-diabetes = Diabetes
q-conditions-heart_disease = Heart disease
q-conditions-blood_clot_history = A blood clot in the past
q-conditions-varicose_veins = Varicose veins
q-conditions-varicose_veins-hint = Enlarged, twisted veins
q-conditions-arthritis = Arthritis

q-factors = Do any of these apply to you?
q-factors-hint = Select all that apply. Leave them all blank if none apply.
q-factors-long_standing_or_exercise = Long hours on your feet, or hard exercise
q-factors-long_sitting = Sitting still for long periods
q-factors-little_water = Drinking little water
q-factors-smoking = Smoking

## The symptom check: the form

form-privacy = Your answers are used once to show your result. They are not stored, and they are not put in the page address.
form-submit = See my result
form-error-title-prefix = {"Error: "}
form-error-summary-title = There is a problem
form-error-prefix = Error:
form-missing-yes-no = Answer yes or no: { $question }
form-missing-one-of = Choose one answer: { $question }
form-error-not-an-option = Choose one of the answers listed
form-error-more-than-one = Choose one answer only
form-error-not-listed = Choose only the answers listed

## The symptom check: the result

result-page-title = Your result
result-page-description = The result of the symptom check for leg pain at night.
result-heading = Your symptom check result
result-call = Call
result-how-it-works = How the symptom check decides
result-not-diagnosis = This result is not a diagnosis. Only a doctor or nurse who examines you can tell what is causing your pain.
result-why = Why you got this result
result-causes-heading = Possible causes to talk about with a doctor
result-causes-intro = These are things your answers have in common with some causes of leg pain at night. They are not a diagnosis: a doctor can tell you more.
result-causes-none = Your answers did not point to one cause in particular.
result-causes-none-link = Read about the common causes.
result-come-back = Get help sooner if
result-come-back-emergency = Get help now if you notice
result-come-back-emergency-group = While you wait for help, call { $number } straight away if these start, come back or get worse:
result-home-care-heading = What you can do at home
result-home-care-limits = These steps ease the pain at the time. They do not treat a health problem that may be causing it.
result-home-care-more = More about relief at home
result-summary-heading = Take this to your appointment
result-summary-intro = Print this page, or show it on your phone. Nothing you entered is kept: when you leave this page, it is gone.
result-summary-result = Result:
result-summary-rules = rules
result-summary-none = None chosen
result-restart = Start the symptom check again

urgency-self_care-title = Try home care first
urgency-self_care-advice = Home care is a reasonable first step. See a doctor if any of the warning signs below appear, or if the pain does not get better after a few days.
urgency-routine-title = Book an appointment with a doctor
urgency-routine-advice = Book an appointment with a doctor. Meanwhile, home care can help.
urgency-urgent-title = Contact a doctor promptly
urgency-urgent-advice = Contact a doctor promptly: as soon as the doctor's office opens, and within 24 hours.
urgency-emergency-title = Get medical help now
urgency-emergency-advice = Get medical help now: call { $number } or go to the emergency department.

## The rules: the reason a reader is shown, the warning sign in a list, and the source passage

rule-E1-reason = You said one of your legs is swollen, red, warm or sore to touch. This can be a sign of a blood clot in a deep vein (deep vein thrombosis, DVT), which needs medical help straight away.
rule-E1-sign = one of your legs, or any part of one leg, is swollen, red, warm or sore to touch
rule-E1-source = 001: "Leg pain with swelling, redness, warmth, or tenderness in one leg … could indicate Deep Vein Thrombosis (DVT) and requires immediate medical attention." 000: "Immediate medical attention is recommended if you experience swelling, redness, or increased warmth in a specific part of your leg"
rule-E2-reason = You said you are short of breath or have chest pain. A blood clot in a leg vein (DVT) is an emergency because the clot can travel to the lungs, so get checked straight away.
rule-E2-sign = you are short of breath or have chest pain
rule-E2-source = 001: DVT "is a medical emergency due to the risk of the clot traveling to the lungs."
rule-U1-reason = You said you have numbness, tingling or weakness in your leg or foot. These are important signs to tell a doctor about.
rule-U1-sign = you have numbness, tingling or weakness in your leg or foot
rule-U1-source = 001: "Numbness, tingling, or weakness in the leg or foot … are important signs to report."
rule-U2-reason = You said the skin on your leg or foot has changed: a new colour, shiny skin, or sores that do not heal. These are important signs to tell a doctor about.
rule-U2-sign = the skin on your leg or foot has changed: a new colour, shiny skin, or sores that do not heal
rule-U2-source = 001: "changes in skin appearance like discoloration, shininess, or non-healing sores, are important signs to report."
rule-U3-reason = You said the pain started after an injury to your leg. Leg pain after an injury should be checked by a doctor.
rule-U3-sign = the pain started after an injury to your leg
rule-U3-source = 001: "If leg pain occurs after an injury … medical consultation is recommended."
rule-U4-reason = You said you have diabetes, heart disease or have had a blood clot, and your leg pain is new or getting worse. People with these health problems should get advice promptly when this happens.
rule-U4-sign = you have diabetes, heart disease or have had a blood clot, and your leg pain is new or getting worse
rule-U4-source = 001: "Individuals with pre-existing conditions like diabetes, heart disease, or a history of blood clots should … seek advice promptly if they experience new or worsening leg pain at night."
rule-U5-reason = You said the pain is getting worse. Leg pain that gets worse, even when you rest, needs a doctor's advice promptly.
rule-U5-sign = the pain is getting worse
rule-U5-source = 000: "Immediate medical attention is recommended if you experience swelling, redness, or increased warmth in a specific part of your leg, or if symptoms persist or worsen despite rest." 001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities."
rule-R1-reason = You said the pain gets in the way of your sleep or daily life a lot. Pain that disrupts your sleep or day this much is a reason to see a doctor.
rule-R1-sign = the pain disrupts your sleep or daily life a lot
rule-R1-source = 001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities." 000: "Severe Discomfort"
rule-R2-reason = You said the pain is severe. Severe leg pain is a reason to see a doctor.
rule-R2-sign = the pain is severe
rule-R2-source = 001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities."
rule-R4-reason = You said home care has not helped. Pain that does not get better after a few days of home care should be checked by a doctor.
rule-R4-sign = the pain has not got better after a few days of home care, such as stretching, warmth or changes to your bed
rule-R4-source = 001: "does not improve after a few days of home remedies"; 000: "Persistent Pain: Consult a healthcare provider if leg aches continue despite home remedies"
rule-R5-reason = You said the pain comes most nights, started more than a month ago, and home care has not helped or you have not tried it. Long-lasting (chronic) pain is a reason to see a doctor.
rule-R5-sign = the pain comes most nights, started more than a month ago, and home care has not helped or you have not tried it
rule-R5-source = 000 (FAQ): "For chronic or severe pain, consulting a healthcare provider is recommended."
rule-R6-reason = You said you have diabetes or heart disease. Talk to your doctor about your leg pain at night, to make sure it is not a sign of a more serious problem.
rule-R6-sign = you have diabetes or heart disease
rule-R6-source = 000: "If you have known health issues such as diabetes or cardiovascular problems, discuss your nighttime leg aches with your doctor"
rule-R7-reason = You said you feel an urge to move your legs. This is the main sign of restless legs syndrome (RLS), and if RLS is the cause, a doctor's advice is important.
rule-R7-sign = you feel a strong urge to move your legs that eases when you move them
rule-R7-source = 000: "For those whose leg aches are due to medical conditions, such as restless legs syndrome …, professional medical advice is essential"
rule-R8-reason = You said your legs cramp, ache or feel heavy and you smoke, or that they feel heavy on most nights. These can be signs of narrowed leg arteries (peripheral artery disease, PAD), which needs a doctor's advice.
rule-R8-sign = your legs cramp, ache or feel heavy and you smoke, or they feel heavy on most nights: these can be signs of narrowed leg arteries (PAD)
rule-R8-source = 000: "For those whose leg aches are due to medical conditions, such as restless legs syndrome or peripheral artery disease, professional medical advice is essential" 001: PAD causes "cramping, heaviness, or fatigue, especially at night"; 000: smoking and excessive alcohol use "negatively affect circulation"
rule-S0-reason = None of your answers is a warning sign, and none of them points to a health problem that needs a doctor now. Home care is a reasonable first step.
rule-S0-sign = none of the rules above applies to your answers
rule-S0-source = 001: "occasional leg pain at night can often be managed at home"

## Home-care steps on the result (self-care and routine results only)

tip-stretch = Stretch the sore muscle gently: straighten your leg and pull your toes up towards your shin.
tip-massage = Rub the sore muscle gently.
tip-warmth = Try warmth, such as a warm bath or a heating pad, to relax the muscle.
tip-cold = Put an ice pack on a sore, swollen spot. Cold can calm inflammation and numb the pain for a while.
tip-water = Drink enough water through the day. Too little water can bring on cramps.
tip-move = When the pain comes, walk around the room or press your feet against the floor.
tip-pain_relief = Pain relief from a pharmacy, such as ibuprofen or acetaminophen, can ease the pain for a while. Follow the pack, and ask a pharmacist if you take other medicines.
tip-raise_legs = Raise your legs when you lie down, if your doctor suggests it.
tip-raise_legs-when = Only when varicose veins is a possible cause and narrowed leg arteries (PAD) is not. Lying flat already cuts the blood flow to legs with narrowed arteries.

## When the check names each possible cause (on /check/how-it-works)

cause-dvt-when = When you say one of your legs is swollen, red, warm or sore to touch.
cause-cramps-when = When you say the pain feels like a cramp.
cause-rls-when = When you say you feel an urge to move your legs.
cause-nerve_compression-when = When you say the pain shoots down from your lower back or buttock.
cause-neuropathy-when = When you have diabetes and say you feel burning or tingling, or numbness, tingling or weakness.
cause-pad-when = When your legs cramp, ache or feel heavy and you smoke, or they feel heavy on most nights.
cause-varicose_veins-when = When you say you have varicose veins.
cause-arthritis-when = When you say you have arthritis or stiff, painful joints.
cause-exertion-when = When you spend long hours on your feet or do hard exercise.
cause-dehydration-when = When you say you drink little water.
cause-circulation-when = When you say you sit still for long periods.

## The published rules (/check/how-it-works)

how-levels = The four results
how-levels-intro = Every answer leads to one of these, the most urgent that any rule calls for.
how-rules = Every rule
how-rules-intro = Each rule looks at your answers. When it applies, the result says why in the words below, with a link to read more. The source is the passage of our sources the rule rests on.
how-rule-when = Applies when
how-rule-reason = What the result says
how-rule-source = Source
how-rule-more = Read more
how-causes = Possible causes, and when the check names them
how-causes-intro = A possible cause is something to talk about with a doctor. It is never a diagnosis.
how-tips = Home-care steps, and when the check lists them
how-tips-intro = Only results that say "try home care first" or "book an appointment" list home-care steps. A result that says to get help now or soon lists none, so that nothing gets in the way of getting care.
how-tip-always = On every result that lists home care.
how-tested = How the check is tested
how-tested-cases = { $cases } worked cases: each is a short story with its answers and the result worked out by hand from the rules. Every one is run through the form and through the JSON API on every build.
how-tested-coverage = Together they bring out { $rules } of the { $rules_total } rules, { $causes } of the { $causes_total } possible causes and { $tips } of the { $tips_total } home-care steps.
how-tested-rules = Each rule, cause and home-care step has a test of its own, with near misses: answers that come close but must not set it off.
how-tested-properties = Property tests try thousands of random sets of answers. They check that adding a warning sign, smoking, or pain that gets worse never makes the result less urgent, and that the result is always the most urgent rule that applies.
how-tested-browser = Every result is also checked in a real browser, with and without JavaScript, with the keyboard alone, and for accessibility.

## The clinic running this copy of the site

clinic-your-clinic = Your clinic:
clinic-call = Call
clinic-website = Website
clinic-not-instead = In an emergency, call { $number } first.

## For clinics: the generated list of links

clinics-every-link = Every page and section, ready to copy
clinics-every-link-intro = Each address below works as it is. Section links open the page at that heading. Print a QR code for a waiting-room poster or a handout.
clinics-to-embed = To embed:
clinics-qr-alt = QR code that opens
clinics-qr-download = Download the QR code for
clinics-embed-heading = Embed the symptom check or a page
clinics-embed-intro = Paste this into your own web page. The check works inside the frame, with no JavaScript; links open in the full window.
clinics-embed-title = Symptom check for leg pain at night
clinics-embed-any = Any page can be embedded the same way: put /embed before its path, for example
clinics-codes-heading = Link from patient records by diagnosis code
clinics-codes-intro = Record systems that support HL7 Infobutton links (as MedlinePlus Connect uses them) can send patients to the right section by ICD-10-CM or SNOMED CT code. For example:
clinics-codes-redirect = With no response type, the link opens the section, for people to read.
clinics-codes-atom = For an Atom feed of the matching section, add
clinics-codes-json = For the same as JSON, add
clinics-codes-spanish = For the Spanish pages, add
clinics-codes-display-name = When a code is not one we know, the display name is matched against our section names. Send it with
clinics-codes-caption = Every code we map, and the section it opens. A code ending in … also stands for every code that starts with it; two codes joined by – stand for every code between them. Names are the official titles in each code system.
clinics-codes-system = Code system
clinics-codes-code = Code
clinics-codes-meaning = Official name
clinics-codes-opens = Opens

## Error pages

error-go-home = Go to the home page
error-use-check = Use the symptom check
error-when-to-get-help = See when to get help
error-not-found-heading = Page not found
error-not-found-message = We could not find that page. It may have moved, or the address may have a typing mistake.
error-read-only-heading = Method not allowed
error-read-only-message = This page can only be read: it does not accept forms or uploads.
error-form-only-heading = Method not allowed
error-form-only-message = This address accepts only reading the page or sending the symptom check form.
error-api-only-heading = Method not allowed
error-api-only-message = This address only accepts answers sent with POST as JSON.
error-too-large-heading = Your answers were too large to read
error-too-large-message = The form sent more than we accept. Please go back to the symptom check and try again.
error-not-a-form-heading = We could not read your answers
error-not-a-form-message = The answers were not sent the way a web form sends them. Please use the symptom check form.
error-not-json-heading = Send the answers as JSON
error-not-json-message = This address reads answers sent as application/json, not compressed.
error-unreadable-heading = We could not read your answers
error-unreadable-message = The answers did not arrive in full. Please use the symptom check form again.
error-timeout-heading = This took too long
error-timeout-message = Your answers took too long to arrive. Please check your connection and try the symptom check again.
error-uri-too-long-heading = Address too long
error-uri-too-long-message = That web address is too long for us to read. Please check it and try again.
error-headers-too-large-heading = Request too large
error-headers-too-large-message = Your browser sent more information than we accept. Please try again.
error-internal-heading = Something went wrong
error-internal-message = We could not show this page. Please try again.
error-code-system-heading = That code system is not supported
error-code-system-message = Links by diagnosis code work with ICD-10-CM and SNOMED CT codes. The causes page and the symptom check may still help.
error-code-malformed-heading = That is not a diagnosis code we can read
error-code-malformed-message = The link did not hold a diagnosis code in a form we can read. The causes page and the symptom check may still help.
error-code-not-found-heading = No page for this code
error-code-not-found-message = We have no page for that diagnosis code. The causes page and the symptom check may still help.
error-response-type-heading = That response type is not available
error-response-type-message = This address answers with a web page, an Atom feed or JSON.

## The JSON API's messages

api-invalid = Some answers are missing or not valid.
api-malformed = The body is not valid JSON.
api-missing = Required: send { $expected }
api-not-an-option = Send { $expected }
api-wrong-type = Send { $expected }, not { $got }
api-duplicate = Send this field once
api-not-an-object = Send a JSON object
api-unknown-lang = Send one of { $values }
api-expected-yes-no = true or false
api-expected-one-of = one of { $values }
api-expected-any-of = an array of strings from { $values }
api-type-null = null
api-type-bool = true or false
api-type-number = a number
api-type-string = a string
api-type-array = an array
api-type-object = an object

# issue 20: search

## The search box in every header, and the search page (/search)

search-label = Search this site
search-button = Search
search-page-title = Search
search-results-title = Search results
search-page-description = Search the guide to leg pain at night in your own words.
search-heading = Search this guide
search-hint = Type what you feel or a word you heard, for example "cramp in my calf" or "restless legs".
search-results-heading = Results
search-results-intro = The best matches come first.
search-no-results-heading = No results
search-no-results = We could not find a section for that search. Try other words, or fewer of them.
search-did-you-mean = Did you mean
search-did-you-mean-end = ?
search-ways-on-heading = Other ways to find what you need
search-ways-on-check = Use the symptom check
search-ways-on-check-hint = It asks a few questions and tells you how soon to get help.
search-ways-on-guide = Read the guide:
search-more-help = Not what you need?
search-more-or = or
search-more-guide = read the guide from the start
search-emergency-call = Call { $number } now
search-emergency-why = These can be signs of a blood clot in a deep vein (DVT). A clot is a medical emergency, because it can travel to your lungs.
search-emergency-more = Read when to get help now
search-api-unknown-lang = Send lang as one of { $values }
# Words in a search that name a warning sign: the emergency card comes before
# the results. One phrase a line; a phrase matches when all its words are in
# the search, in any order, small typing mistakes forgiven.
search-emergency-words =
    clot
    thrombosis
    DVT
    embolism
    swollen
    swelling
    red leg
    red calf
    red thigh
    redness
    hot leg
    warm to touch
    chest
    short of breath
    shortness of breath
    out of breath
    breathless
    can't breathe
    cannot breathe
    trouble breathing
    hard to breathe
    difficulty breathing
